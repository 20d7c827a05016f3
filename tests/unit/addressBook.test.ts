import { describe, expect, it } from 'vitest';
import { listAddresses, removeAddress, saveAddress } from '../../electron/services/mail/addressBook.ts';
import { addressProblems } from '../../shared/mail/addressChecks.ts';
import { problemText } from '../../shared/region/messages.ts';
import { tempStore } from './helpers.ts';

const SELF = 'self-device';
const JUMA = 'juma-device';

describe('the address book form checks', () => {
  const ok = {
    kind: 'official',
    name: 'Sub-County Director, Malindi',
    email: 'director@example.go.ke',
    deviceId: '',
  };

  it('pass a well-formed entry', () => {
    expect(addressProblems(ok, [], SELF)).toEqual([]);
    expect(addressProblems({ ...ok, kind: 'laptop', deviceId: JUMA }, [], SELF)).toEqual([]);
  });

  it('name each problem by its field', () => {
    expect(addressProblems({ ...ok, email: '' }, [], SELF)).toEqual([
      { field: 'email', problem: 'required' },
    ]);
    expect(addressProblems({ ...ok, email: 'director at malindi' }, [], SELF)).toEqual([
      { field: 'email', problem: 'email' },
    ]);
    expect(addressProblems({ ...ok, kind: 'friend' }, [], SELF)).toEqual([
      { field: 'kind', problem: 'unknownChoice' },
    ]);
    expect(addressProblems({ ...ok, name: 'x'.repeat(201) }, [], SELF)).toEqual([
      { field: 'name', problem: 'tooLong' },
    ]);
    expect(addressProblems({ ...ok, kind: 'laptop' }, [], SELF)).toEqual([
      { field: 'deviceId', problem: 'required' },
    ]);
    expect(addressProblems({ ...ok, kind: 'laptop', deviceId: SELF }, [], SELF)).toEqual([
      { field: 'deviceId', problem: 'selfLaptop' },
    ]);
    // The same address twice for one kind of recipient, whatever its case and spaces.
    expect(
      addressProblems(
        { ...ok, email: ' Director@Example.go.ke ' },
        [{ kind: 'official', email: ok.email }],
        SELF,
      ),
    ).toEqual([{ field: 'email', problem: 'duplicateEmail' }]);
    expect(addressProblems(ok, [{ kind: 'coach', email: ok.email }], SELF)).toEqual([]);
  });

  it('word every problem in both languages', () => {
    for (const problem of ['email', 'duplicateEmail', 'selfLaptop'] as const)
      expect(problemText('sw', problem)).not.toBe(problemText('en', problem));
  });
});

describe('the address book service', () => {
  it('adds, edits by id, refuses what the form refuses, and removes', () => {
    const store = tempStore();
    store.db
      .prepare("INSERT INTO devices (device_id, name, is_self) VALUES (?, 'Juma’s laptop', 0)")
      .run(JUMA);
    const juma = saveAddress(store, {
      kind: 'laptop',
      name: 'Juma',
      email: 'Juma@Example.org',
      deviceId: JUMA,
    });
    expect(juma).toMatchObject({ kind: 'laptop', email: 'juma@example.org', deviceId: JUMA });
    const grace = saveAddress(store, { kind: 'coach', name: 'Grace', email: 'grace@example.org' });

    const edited = saveAddress(store, {
      id: grace.id,
      kind: 'official',
      name: 'Grace Atieno, TSC',
      email: 'grace@tsc.go.ke',
    });
    expect(edited).toMatchObject({
      id: grace.id,
      kind: 'official',
      email: 'grace@tsc.go.ke',
      deviceId: null,
    });
    expect(listAddresses(store)).toHaveLength(2);

    expect(() =>
      saveAddress(store, {
        id: grace.id,
        kind: 'laptop',
        name: 'x',
        email: 'juma@example.org',
        deviceId: JUMA,
      }),
    ).toThrow(/email: This address is in the address book already/);
    expect(() =>
      saveAddress(store, { kind: 'laptop', name: 'me', email: 'me@example.org', deviceId: store.deviceId }),
    ).toThrow(/deviceId: This is this laptop itself/);
    expect(() => saveAddress(store, { kind: 'coach', name: 'Bad', email: 'not-an-address' })).toThrow(
      /email: Write an email address/,
    );
    expect(() =>
      saveAddress(store, { id: 999, kind: 'coach', name: 'Gone', email: 'gone@example.org' }),
    ).toThrow(/no longer in the address book/);
    expect(
      listAddresses(store)
        .map((a) => a.email)
        .sort(),
    ).toEqual(['grace@tsc.go.ke', 'juma@example.org']);

    removeAddress(store, juma.id);
    expect(listAddresses(store).map((a) => a.email)).toEqual(['grace@tsc.go.ke']);
    store.close();
  });
});
