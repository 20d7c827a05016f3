import type { FieldProblem, Problem } from '../region/checks.ts';
import { AddressKind, EmailAddress } from './settings.ts';

/**
 * The address book form's checks, pure: the screen shows them next to each field as the
 * coach types, and electron/services/mail/addressBook.ts refuses the same.
 * Worded with the editing forms' problems (shared/region/messages.ts).
 */
export interface AddressFields {
  kind: string;
  name: string;
  email: string;
  /** The laptop an address of kind `laptop` reaches ('' when none chosen). */
  deviceId: string;
}

export const MAX_ADDRESS_NAME = 200;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/**
 * `others`: the book's other entries (without the one being edited); `selfDevice`: this
 * laptop, which is never a recipient.
 */
export function addressProblems(
  v: AddressFields,
  others: readonly { kind: string; email: string }[],
  selfDevice: string,
): FieldProblem[] {
  const list: FieldProblem[] = [];
  const add = (field: string, problem: Problem) => list.push({ field, problem });
  if (!AddressKind.safeParse(v.kind).success) add('kind', 'unknownChoice');
  if (v.name.trim().length > MAX_ADDRESS_NAME) add('name', 'tooLong');
  const email = normaliseEmail(v.email);
  if (!email) add('email', 'required');
  else if (!EmailAddress.safeParse(email).success) add('email', 'email');
  else if (others.some((o) => o.kind === v.kind && normaliseEmail(o.email) === email))
    add('email', 'duplicateEmail');
  if (v.kind === 'laptop') {
    if (!v.deviceId) add('deviceId', 'required');
    else if (v.deviceId === selfDevice) add('deviceId', 'selfLaptop');
  }
  return list;
}
