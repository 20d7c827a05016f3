import { defineMessages } from '../../shared/i18n.ts';
import type { PlaceReason } from '../../shared/errors.ts';

/** Messages about files and folders (pickers, downloads, places that cannot be used). */
export const fileMessages = defineMessages({
  en: {
    'files.notJoined.title': 'This laptop has not joined a region yet',
    'files.notJoined.body':
      'Join first: type the region passphrase when you take a bundle or sync a folder, accept an invitation, or start a new region below. Until then this laptop cannot read other laptops’ bundles.',
    'files.pick.bundle': 'Choose a bundle file…',
    'files.pick.invitation': 'Choose an invitation file…',
    'files.picked': 'Chosen: {name}',
    'files.uploading': 'Reading {name}…',
    'files.download': 'Download {name}',
    'files.savedIn': 'Saved in {folder}',
    'files.defaultPlace': 'Leave empty to save in Pamoja’s bundles folder: {folder}',
    'files.allowed':
      'This browser may use folders inside: {folders}. Start Pamoja with --allow FOLDER to add a USB stick.',
    'files.showInFolder': 'Show in folder',
    'files.reason.folder_missing':
      'The folder {detail} is not there. Is the USB stick plugged in? Nothing was created or changed.',
    'files.reason.not_a_folder': '{detail} is a file, not a folder. Choose the folder of the USB stick.',
    'files.reason.bundle_missing':
      'There is no bundle at {detail}: it may have been moved or renamed, or the USB stick taken out.',
    'files.reason.not_a_file': '{detail} is a folder, not a bundle file.',
    'files.reason.not_a_bundle_target':
      '{detail} already exists and is not a Pamoja bundle, so it was left as it is. Choose another name.',
    'files.reason.typed_path':
      'Choose the file or folder with its button: the app does not take typed paths.',
    'files.reason.grant_expired': 'That choice has expired: choose the file again.',
    'files.reason.outside_allowed':
      '{detail} is outside the folders this browser may use. Start Pamoja with --allow and that folder to use it.',
  },
  sw: {
    'files.notJoined.title': 'Kompyuta hii bado haijajiunga na kanda',
    'files.notJoined.body':
      'Jiunge kwanza: andika nenosiri la kanda unapopokea kifurushi au kusawazisha folda, kubali mwaliko, au anzisha kanda mpya hapa chini. Hadi hapo kompyuta hii haiwezi kusoma vifurushi vya kompyuta nyingine.',
    'files.pick.bundle': 'Chagua faili la kifurushi…',
    'files.pick.invitation': 'Chagua faili la mwaliko…',
    'files.picked': 'Limechaguliwa: {name}',
    'files.uploading': 'Inasoma {name}…',
    'files.download': 'Pakua {name}',
    'files.savedIn': 'Imehifadhiwa katika {folder}',
    'files.defaultPlace': 'Acha wazi ili kuhifadhi katika folda ya vifurushi ya Pamoja: {folder}',
    'files.allowed':
      'Kivinjari hiki kinaweza kutumia folda zilizo ndani ya: {folders}. Anzisha Pamoja na --allow FOLDA ili kuongeza USB.',
    'files.showInFolder': 'Onyesha katika folda',
    'files.reason.folder_missing':
      'Folda {detail} haipo. Je, USB imechomekwa? Hakuna kilichoundwa wala kubadilishwa.',
    'files.reason.not_a_folder': '{detail} ni faili, si folda. Chagua folda ya USB.',
    'files.reason.bundle_missing':
      'Hakuna kifurushi katika {detail}: huenda kimehamishwa au kubadilishwa jina, au USB imetolewa.',
    'files.reason.not_a_file': '{detail} ni folda, si faili la kifurushi.',
    'files.reason.not_a_bundle_target':
      '{detail} tayari lipo na si kifurushi cha Pamoja, kwa hiyo limeachwa kama lilivyo. Chagua jina jingine.',
    'files.reason.typed_path':
      'Chagua faili au folda kwa kitufe chake: programu haipokei njia zilizoandikwa.',
    'files.reason.grant_expired': 'Chaguo hilo limepitwa na wakati: chagua faili tena.',
    'files.reason.outside_allowed':
      '{detail} iko nje ya folda ambazo kivinjari hiki kinaweza kutumia. Anzisha Pamoja na --allow na folda hiyo ili kuitumia.',
  },
});

export type FileMessageKey = keyof (typeof fileMessages)['en'];
export const reasonKey = (reason: PlaceReason): FileMessageKey => `files.reason.${reason}`;
