import { defineMessages, translator, type Lang } from '../../shared/i18n.ts';
import { readRefusal, type BundleRefusal } from '../../shared/sync/refusals.ts';

/** Why a bundle was refused, in the coach's language (the service's own message is English). */
const refusalMessages = defineMessages({
  en: {
    'refusal.not_bundle': 'This file is not a Pamoja bundle.',
    'refusal.newer_version':
      'This bundle was made by a newer version of Pamoja{version}. Update Pamoja on this laptop to open it.',
    'refusal.older_version':
      'This bundle was made by an older Pamoja: update that laptop, then make a new bundle there.',
    'refusal.other_region': 'This bundle belongs to another region{region}.',
    'refusal.wrong_key': 'Wrong passphrase for this region{region}.',
    'refusal.damaged': 'This bundle is damaged and cannot be read. Ask the sender for a fresh copy.',
    'refusal.truncated':
      'This bundle is incomplete — it may have been cut short when the USB stick was pulled. Ask the sender for a fresh copy.',
    'refusal.bad_signature':
      "This bundle's signature does not match its sender{sender}. It was not imported.",
    'refusal.too_large': 'This bundle is larger than Pamoja accepts{limit}.',
    'refusal.key_changed':
      "This bundle claims to come from {sender}, but it is signed with a different key than that laptop's. It was not imported.",
    'refusal.forged':
      'This bundle holds changes that claim to come from {author} but are not signed by that laptop. Nothing was imported.',
    'refusal.format': ' (format {version})',
    'refusal.knownLaptop': 'a known laptop',
    'refusal.otherLaptop': 'another laptop',
  },
  sw: {
    'refusal.not_bundle': 'Faili hii si kifurushi cha Pamoja.',
    'refusal.newer_version':
      'Kifurushi hiki kimetengenezwa na toleo jipya zaidi la Pamoja{version}. Sasisha Pamoja kwenye kompyuta hii ili kukifungua.',
    'refusal.older_version':
      'Kifurushi hiki kimetengenezwa na Pamoja ya zamani: sasisha kompyuta ile, kisha utengeneze kifurushi kipya huko.',
    'refusal.other_region': 'Kifurushi hiki ni cha kanda nyingine{region}.',
    'refusal.wrong_key': 'Nenosiri la kanda hii{region} si sahihi.',
    'refusal.damaged':
      'Kifurushi hiki kimeharibika na hakiwezi kusomwa. Muombe mtumaji akutumie nakala mpya.',
    'refusal.truncated':
      'Kifurushi hiki hakijakamilika — huenda kilikatika USB ilipoondolewa. Muombe mtumaji akutumie nakala mpya.',
    'refusal.bad_signature': 'Sahihi ya kifurushi hiki hailingani na mtumaji wake{sender}. Hakijapokelewa.',
    'refusal.too_large': 'Kifurushi hiki ni kikubwa kuliko Pamoja inavyokubali{limit}.',
    'refusal.key_changed':
      'Kifurushi hiki kinadai kimetoka kwa {sender}, lakini kimetiwa sahihi kwa ufunguo tofauti na wa kompyuta hiyo. Hakijapokelewa.',
    'refusal.forged':
      'Kifurushi hiki kina mabadiliko yanayodai kutoka kwa {author} lakini hayajatiwa sahihi na kompyuta hiyo. Hakuna kilichopokelewa.',
    'refusal.format': ' (muundo {version})',
    'refusal.knownLaptop': 'kompyuta inayojulikana',
    'refusal.otherLaptop': 'kompyuta nyingine',
  },
});

const inBrackets = (name: string | undefined) => (name ? ` (${name})` : '');

/**
 * A bundle refusal carried by an error's `reason` and `detail` (shared/sync/refusals.ts), in
 * `lang`; null when the error is not one.
 */
export function refusalText(
  reason: string | undefined,
  detail: string | undefined,
  lang: Lang,
): string | null {
  const refusal = readRefusal(reason, detail);
  if (!refusal) return null;
  const t = translator(refusalMessages, lang);
  const { why, names } = refusal;
  const key: `refusal.${BundleRefusal}` = `refusal.${why}`;
  return t(key, {
    version: names.version ? t('refusal.format', { version: names.version }) : '',
    region: inBrackets(names.regionName),
    limit: inBrackets(names.limit),
    // bad_signature names the sender in brackets; key_changed in the sentence.
    sender:
      why === 'key_changed' ? names.senderName || t('refusal.knownLaptop') : inBrackets(names.senderName),
    author: names.authorName || t('refusal.otherLaptop'),
  });
}
