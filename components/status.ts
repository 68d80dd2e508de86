import type { ClaimStatus } from '../lib/overlay/types';

/** Message keys of each claim status: short (lists, labels) and long (the card's chip). */
export const STATUS_KEY: Record<ClaimStatus, string> = {
  contested: 'ovStatusContested',
  'other-view': 'ovStatusOtherView',
  supported: 'ovStatusSupported',
  neutral: 'ovStatusNeutral',
};

export const STATUS_LONG_KEY: Record<ClaimStatus, string> = {
  contested: 'ovStatusContestedLong',
  'other-view': 'ovStatusOtherViewLong',
  supported: 'ovStatusSupportedLong',
  neutral: 'ovStatusNeutralLong',
};
