import { concepts } from './concepts.ts';
import { stopwords } from './stopwords.ts';

/**
 * Words known to be Kiswahili: those of the vocabulary's Kiswahili terms and a list of
 * common words of school life, less any word the vocabulary also uses in English
 * ("whatsapp", "malaria"). A known word always gets its Kiswahili root (./forms.ts).
 */
const common =
  'shule darasa madarasa somo masomo mwalimu walimu mwanafunzi wanafunzi mtoto watoto mzazi wazazi kijiji vijiji jamii elimu kusoma kuandika kuhesabu hesabu kitabu vitabu wasichana msichana wavulana mvulana mahudhurio utoro watoro kuacha kuchelewa kufundisha kujifunza mafunzo mkutano mikutano kikundi vikundi kamati afya chakula maji choo vyoo michezo mchezo kucheza nyumbani familia mama baba kaya kufuatilia kutembelea ziara kusaidia msaada ushirikiano ushauri kiongozi viongozi mwalimu mkuu siku wiki mwezi muhula mwaka asubuhi jioni kila pamoja kwanza pili tatu nne tano sita saba nane tisa kumi dakika saa';

const english = new Set(concepts.flatMap((c) => c.en.flatMap((t) => t.split(/[\s-]+/))));

export const swahiliWords: ReadonlySet<string> = new Set(
  [...concepts.flatMap((c) => c.sw.flatMap((t) => t.split(/[\s-]+/))), ...common.split(' ')].filter(
    (w) => w.length > 0 && !english.has(w) && !stopwords.sw.split(' ').includes(w),
  ),
);
