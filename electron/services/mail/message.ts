import MailComposer from 'nodemailer/lib/mail-composer';
import type { MailSettings } from '../../../shared/mail/settings.ts';
import type { Store } from '../../db/store.ts';
import { deviceName } from '../sync/bundles.ts';
import { joinedRegion } from '../sync/identity.ts';
import type { OutboxItem } from './outbox.ts';
import { PART_EXTENSION, splitBundle } from './parts.ts';

/** The header that marks Pamoja's messages, so fetching finds them among the rest. */
export const PAMOJA_HEADER = 'X-Pamoja';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  messageId: string;
  attachments: { filename: string; content: Buffer; contentType: string }[];
}

const kindWords = {
  bundle: { en: 'a Pamoja sync bundle', sw: 'kifurushi cha usawazishaji cha Pamoja' },
  receipt: { en: 'a Pamoja receipt (what arrived)', sw: 'risiti ya Pamoja (kilichofika)' },
  report: { en: 'a report from Pamoja', sw: 'ripoti kutoka Pamoja' },
} as const;

function mailbox(name: string, email: string): string {
  return name ? `"${name.replaceAll('"', "'")}" <${email}>` : email;
}

/**
 * The message(s) carrying one outbox item: one per part when the attachment is over the
 * limit. The body says in plain words what it carries, from whom, for whom, which part it
 * is and how to take it in — in English and Kiswahili.
 */
export function composeMessages(
  store: Store,
  item: OutboxItem,
  content: Uint8Array,
  settings: Pick<MailSettings, 'from' | 'fromName' | 'attachmentLimit'>,
): MailMessage[] {
  const sender = deviceName(store);
  const region = joinedRegion(store);
  const regionName = region?.regionName || region?.regionId || '';
  const fromLine = settings.fromName ? `${settings.fromName} (${sender})` : sender;
  const forLine = item.toName || item.toEmail;
  const files =
    item.kind === 'report'
      ? [content]
      : splitBundle(content, settings.attachmentLimit, { sender, createdAt: item.queuedAt });
  const what = kindWords[item.kind];
  const base = item.fileName.replace(/\.pamoja$/, '');
  return files.map((file, i) => {
    const partOf =
      files.length > 1
        ? { en: ` — part ${i + 1} of ${files.length}`, sw: ` — sehemu ${i + 1} kati ya ${files.length}` }
        : { en: '', sw: '' };
    const subject =
      item.kind === 'report'
        ? `Pamoja: ${item.summary} — from ${fromLine}`
        : `Pamoja ${item.kind === 'receipt' ? 'receipt' : 'bundle'} from ${sender} for ${forLine}${partOf.en}`;
    const detail =
      item.kind === 'bundle'
        ? {
            en: `It holds ${item.changes} changes of the region ${regionName}.`,
            sw: `Kina mabadiliko ${item.changes} ya eneo ${regionName}.`,
          }
        : item.kind === 'receipt'
          ? {
              en: 'It tells the other laptop what has arrived here, so its next bundle is smaller.',
              sw: 'Inaiambia kompyuta nyingine kilichofika hapa, ili kifurushi kijacho kiwe kidogo.',
            }
          : { en: `It is “${item.summary}”.`, sw: `Ni “${item.summary}”.` };
    const howTo =
      item.kind === 'report'
        ? { en: 'Open the attached file.', sw: 'Fungua faili lililoambatishwa.' }
        : {
            en:
              files.length > 1
                ? 'Pamoja takes it in with “Fetch mail”; or save every part and open them in Pamoja, in any order.'
                : 'Pamoja takes it in with “Fetch mail”; or save the attachment and open it in Pamoja.',
            sw:
              files.length > 1
                ? 'Pamoja kinakipokea kwa “Leta barua pepe”; au hifadhi kila sehemu na uzifungue katika Pamoja, kwa mpangilio wowote.'
                : 'Pamoja kinakipokea kwa “Leta barua pepe”; au hifadhi kiambatisho na ukifungue katika Pamoja.',
          };
    const text = [
      `This email carries ${what.en}${partOf.en}.`,
      `From: ${fromLine}${settings.from ? ` <${settings.from}>` : ''}`,
      `For: ${forLine}${item.toName ? ` <${item.toEmail}>` : ''}`,
      detail.en,
      howTo.en,
      '',
      `Barua pepe hii ina ${what.sw}${partOf.sw}.`,
      `Kutoka: ${fromLine}`,
      `Kwa: ${forLine}`,
      detail.sw,
      howTo.sw,
      '',
    ].join('\n');
    const filename =
      files.length > 1 ? `${base}-part-${i + 1}-of-${files.length}${PART_EXTENSION}` : item.fileName;
    return {
      from: mailbox(settings.fromName, settings.from),
      to: mailbox(item.toName, item.toEmail),
      subject,
      text,
      headers: {
        [PAMOJA_HEADER]: item.kind,
        'X-Pamoja-Part': `${i + 1}/${files.length}`,
      },
      messageId: `<pamoja-${item.id}-${i + 1}-${store.deviceId.slice(0, 8)}-${Date.parse(item.queuedAt)}@pamoja.invalid>`,
      attachments: [
        {
          filename,
          content: Buffer.from(file),
          contentType: item.kind === 'report' ? contentTypeOf(item.fileName) : 'application/octet-stream',
        },
      ],
    };
  });
}

function contentTypeOf(name: string): string {
  if (name.endsWith('.html')) return 'text/html';
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.pdf')) return 'application/pdf';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return 'application/octet-stream';
}

/** The raw RFC 5322 bytes of a message. `draft` adds `X-Unsent: 1` (Outlook and Thunderbird open it as a draft). */
export async function messageBytes(message: MailMessage, options: { draft?: boolean } = {}): Promise<Buffer> {
  const composer = new MailComposer({
    ...(message.from ? { from: message.from } : {}),
    to: message.to,
    subject: message.subject,
    text: message.text,
    headers: options.draft ? { ...message.headers, 'X-Unsent': '1' } : message.headers,
    messageId: message.messageId,
    date: new Date(),
    attachments: message.attachments,
  });
  return composer.compile().build();
}
