import { defineMessages } from '../i18n.ts';

/** Why a row of a spreadsheet was refused or needs a look, in the coach's words. */
export const sheetMessages = defineMessages({
  en: {
    'sheet.noHeader':
      'No header row found: the first 20 rows of {where} have no column that names the school. Is this the right file, or the right sheet?',
    'sheet.noHeaderSheets': 'the sheets {sheets}',
    'sheet.noSheet': 'The workbook has no sheet called "{sheet}" (it has {sheets}).',
    'sheet.noRegion': 'This store has no region yet: load or join a region before importing schools.',
    'sheet.missingColumn': 'No column is used for {field}; choose which column holds it.',
    'sheet.missing': '{field} is empty.',
    'sheet.notNumber': '"{value}" is not a number.',
    'sheet.notWhole': '"{value}" is not a whole number of {field}.',
    'sheet.badSetting': '"{value}" is not a setting (write rural, peri-urban or urban).',
    'sheet.badTerm': '"{value}" is not a term (write it like 2026-T1 or Term 1 2026).',
    'sheet.noTerm': 'No term: add a Term column or choose the term for the whole sheet.',
    'sheet.badLat': 'Latitude {value} is outside −90 to 90.',
    'sheet.badLon': 'Longitude {value} is outside −180 to 180.',
    'sheet.needsLocation': '{name} is a new school: it needs its latitude and longitude.',
    'sheet.unknownSchool':
      'No school called "{name}" is stored{where}: import the schools list first, or check the name or code.',
    'sheet.ambiguous':
      '"{name}" could be any of {count} stored schools: add the cluster or place column, or the official code.',
    'sheet.clusterNoLocation':
      'The new cluster "{cluster}" has no school with a location, so it cannot be placed on the map.',
    'sheet.noClusterNear': 'No cluster to assign {name} to: the store has none.',
    'sheet.duplicateDiffers': 'Gives other values for the same {what} as row {row}.',
    'sheet.duplicate': 'The same as row {row}: left out.',
    'sheet.settingDefault': 'No setting given: {name} is recorded as rural.',
    'sheet.fractions': 'Read as fractions (0.85 = 85%).',
    'sheet.nearest':
      'Cluster "{cluster}" is not known: {name} goes to the nearest cluster, {nearest} ({km} km).',
    'sheet.newCluster': 'Cluster "{cluster}" is new: it will be created.',
    'sheet.school': 'school',
    'sheet.schoolTerm': 'school and term',
    'sheet.inPlace': ' in {place}',
  },
  sw: {
    'sheet.noHeader':
      'Hakuna safu ya vichwa: safu 20 za kwanza za {where} hazina safu inayotaja shule. Je, hili ndilo faili sahihi, au karatasi sahihi?',
    'sheet.noHeaderSheets': 'karatasi {sheets}',
    'sheet.noSheet': 'Kitabu hakina karatasi inayoitwa "{sheet}" (kina {sheets}).',
    'sheet.noRegion': 'Hifadhi hii haina kanda bado: pakia au jiunge na kanda kabla ya kuingiza shule.',
    'sheet.missingColumn': 'Hakuna safu ya {field}; chagua safu iliyo nayo.',
    'sheet.missing': '{field} haijajazwa.',
    'sheet.notNumber': '"{value}" si namba.',
    'sheet.notWhole': '"{value}" si namba kamili ya {field}.',
    'sheet.badSetting': '"{value}" si mazingira (andika vijijini, pembezoni au mjini).',
    'sheet.badTerm': '"{value}" si muhula (andika kama 2026-T1 au Term 1 2026).',
    'sheet.noTerm': 'Hakuna muhula: ongeza safu ya Muhula au chagua muhula wa karatasi nzima.',
    'sheet.badLat': 'Latitudo {value} iko nje ya −90 hadi 90.',
    'sheet.badLon': 'Longitudo {value} iko nje ya −180 hadi 180.',
    'sheet.needsLocation': '{name} ni shule mpya: inahitaji latitudo na longitudo yake.',
    'sheet.unknownSchool':
      'Hakuna shule iitwayo "{name}" iliyohifadhiwa{where}: ingiza orodha ya shule kwanza, au angalia jina au msimbo.',
    'sheet.ambiguous':
      '"{name}" inaweza kuwa yoyote kati ya shule {count}: ongeza safu ya kundi au mahali, au msimbo rasmi.',
    'sheet.clusterNoLocation':
      'Kundi jipya "{cluster}" halina shule yenye mahali, kwa hiyo haliwezi kuwekwa kwenye ramani.',
    'sheet.noClusterNear': 'Hakuna kundi la kuweka {name}: hifadhi haina kundi lolote.',
    'sheet.duplicateDiffers': 'Inatoa thamani nyingine kwa {what} ile ile ya safu {row}.',
    'sheet.duplicate': 'Sawa na safu {row}: imeachwa.',
    'sheet.settingDefault': 'Mazingira hayajatolewa: {name} imerekodiwa kama vijijini.',
    'sheet.fractions': 'Imesomwa kama sehemu (0.85 = 85%).',
    'sheet.nearest':
      'Kundi "{cluster}" halijulikani: {name} inawekwa kwenye kundi lililo karibu, {nearest} (km {km}).',
    'sheet.newCluster': 'Kundi "{cluster}" ni jipya: litaundwa.',
    'sheet.school': 'shule',
    'sheet.schoolTerm': 'shule na muhula',
    'sheet.inPlace': ' katika {place}',
  },
});

/** The columns' fields in people's words (the mapping's choices). */
export const sheetFieldMessages = defineMessages({
  en: {
    'field.code': 'Official code',
    'field.name': 'School name',
    'field.cluster': 'Cluster',
    'field.place': 'Place',
    'field.head_name': 'Headteacher',
    'field.lat': 'Latitude',
    'field.lon': 'Longitude',
    'field.setting': 'Setting',
    'field.learners': 'Learners',
    'field.teachers': 'Teachers',
    'field.term': 'Term',
  },
  sw: {
    'field.code': 'Msimbo rasmi',
    'field.name': 'Jina la shule',
    'field.cluster': 'Kundi',
    'field.place': 'Mahali',
    'field.head_name': 'Mwalimu mkuu',
    'field.lat': 'Latitudo',
    'field.lon': 'Longitudo',
    'field.setting': 'Mazingira',
    'field.learners': 'Wanafunzi',
    'field.teachers': 'Walimu',
    'field.term': 'Muhula',
  },
});
