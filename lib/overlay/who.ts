/**
 * "Who": the speaker's name and the roles they held when they spoke ("Yann LeCun — founder,
 * AMI Labs; formerly Meta's chief AI scientist"). Roles are read against the claim's date at its
 * own precision: a role that ended before the period the date covers is "former"; one whose
 * period overlaps it is current. Without a date, roles with no end are current, ended ones former.
 */

import type { Entity, Lang, Role } from '../dataset/types';
import { dateSpan } from './dates';

export interface RolesAt {
  current: Role[];
  former: Role[];
}

export function rolesAt(entity: Pick<Entity, 'roles'> | undefined, date: string | null | undefined): RolesAt {
  const current: Role[] = [];
  const former: Role[] = [];
  const span = dateSpan(date);
  for (const role of entity?.roles ?? []) {
    const from = dateSpan(role.from);
    const to = dateSpan(role.to);
    if (!span) {
      (to ? former : current).push(role);
      continue;
    }
    if (to && to.end < span.start) former.push(role);
    else if (from && from.start > span.end) continue; // not yet held: says nothing about then
    else current.push(role);
  }
  return { current, former };
}

export function roleLine(roles: RolesAt, lang: Lang): string {
  const cur = roles.current.map((r) => r.role[lang]).filter(Boolean);
  const old = roles.former.map((r) => r.role[lang]).filter(Boolean);
  if (lang === 'ja') {
    const parts = [...cur];
    if (old.length) parts.push(`元${old.join('、元')}`);
    return parts.join('、');
  }
  const parts = [...cur];
  if (old.length) parts.push(`formerly ${old.join(', formerly ')}`);
  return parts.join('; ');
}

/** "Name — roles", or just the name. */
export function whoLine(name: string, roles: string): string {
  return roles ? `${name} — ${roles}` : name;
}
