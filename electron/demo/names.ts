import type { Rng } from './prng.ts';

/**
 * Invented people and school names. Each is a random combination of common given names
 * and family names of the area, so no combination is meant to be a real person; the
 * names quoted in the field documents are left out on purpose.
 */
type Gender = 'f' | 'm';

/** A comma-separated list, so long name lists stay compact. */
const list = (text: string): readonly string[] => text.split(',').map((s) => s.trim());

interface NamePool {
  f: readonly string[];
  m: readonly string[];
  family: readonly string[];
}

const coast: NamePool = {
  f: list(
    'Kadzo, Dama, Kache, Sidi, Riziki, Mwanajuma, Zawadi, Rehema, Jumwa, Mapenzi, Kahaso, Neema, Fatuma, Mwanaisha, Halima, Esther, Grace, Mercy, Faith, Agnes, Janet, Lucy, Beatrice, Purity, Caroline, Nuru, Saumu, Tabitha, Hadija, Furaha',
  ),
  m: list(
    'Kazungu, Karisa, Kahindi, Charo, Kenga, Katana, Kalume, Safari, Kitsao, Chengo, Ngala, Tsuma, Nzai, Kombe, Hamisi, Omar, Juma, Bakari, Said, Joseph, Samuel, Daniel, Emmanuel, Stephen, Francis, Dickson, Benson, Gideon, Hassan, Baraka',
  ),
  family: list(
    'Kazungu, Karisa, Kahindi, Baya, Charo, Kenga, Katana, Kalume, Safari, Kitsao, Chengo, Ngala, Mwangome, Nyale, Tsuma, Nzai, Kombe, Mramba, Thoya, Kiponda, Menza, Ruwa, Fondo, Kadenge, Jefwa, Mkare, Masha, Deche, Dzombo, Kirao, Ngumbao, Mweni, Pola, Mbeyu, Dadu, Bakari, Salim, Mwinyi, Abdalla, Hamisi',
  ),
};

const kenya: NamePool = {
  f: list(
    'Achieng, Wanjiru, Chebet, Njeri, Akinyi, Atieno, Nduta, Muthoni, Nafula, Nekesa, Mwende, Kemunto, Jepkosgei, Wairimu, Adhiambo, Grace, Mercy, Faith, Ruth, Lilian',
  ),
  m: list(
    'Otieno, Kamau, Mutua, Wafula, Kiprono, Ouma, Wekesa, Mwangi, Kiplagat, Barasa, Onyango, Kibet, Nyamweya, Musyoka, Njoroge, Peter, James, David, John, Michael',
  ),
  family: list(
    'Otieno, Kamau, Mutua, Wafula, Kiprono, Ouma, Wekesa, Mwangi, Kiplagat, Barasa, Makokha, Nyambura, Onyango, Kibet, Musyoka, Njoroge, Omondi, Wambua, Cheruiyot, Simiyu, Odhiambo, Kimani, Mogaka, Kilonzo, Lokwawi, Ekai, Abdi, Hussein',
  ),
};

const rwanda: NamePool = {
  f: list(
    'Claudine, Marie Claire, Vestine, Alphonsine, Josiane, Solange, Immaculée, Donatille, Espérance, Chantal, Olive, Jeanne, Béatrice, Clementine, Florence',
  ),
  m: list(
    'Jean Claude, Emmanuel, Innocent, Eric, Théogène, Jean de Dieu, Olivier, Fabrice, Aimable, Célestin, Alexis, Théoneste, Vincent, Gaspard, Valens',
  ),
  family: list(
    'Uwimana, Mukamana, Niyonzima, Habimana, Uwase, Nshimiyimana, Mukeshimana, Ndayisaba, Iradukunda, Hakizimana, Uwamahoro, Munyaneza, Nsengiyumva, Mukandayisenga, Twagirayezu, Bizimana, Ingabire, Mutesi, Uwera, Nyiransabimana, Mugabo, Gatera, Kayitesi',
  ),
};

export type NameArea = 'coast' | 'kenya' | 'rwanda';
const pools: Record<NameArea, NamePool> = { coast, kenya, rwanda };

export function personName(rng: Rng, area: NameArea, gender: Gender): string {
  const pool = pools[area];
  const given = rng.pick(pool[gender]);
  let family = rng.pick(pool.family);
  if (family === given) family = rng.pick(pool.family);
  // Rwandan usage puts the family name first.
  return area === 'rwanda' ? `${family} ${given}` : `${given} ${family}`;
}

const coastPlaces = list(
  'Mbuyuni, Mnazini, Mwembeni, Mkwajuni, Mivumoni, Mitangoni, Mkokoni, Mchikichini, Mtsarani, Mihingoni, Mapaweni, Kadzandani, Mwanzoni, Mlimani, Bahari, Mtoni',
);
const kenyaPlaces = list(
  'Hillside, Riverside, Valley, Kona, Market, Junction, Lakeview, Highway, Forest, Springs, Ridge, Plains',
);
const swahiliWords = list(
  'Tumaini, Amani, Baraka, Neema, Upendo, Faraja, Nuru, Mwangaza, Jitahidi, Umoja, Bidii, Furaha, Tujenge, Hekima, Imani, Juhudi, Maendeleo, Fanaka',
);
const kinyarwandaWords = list(
  'Ubumwe, Amahoro, Icyizere, Urumuri, Ejo Heza, Imena, Intwari, Inyange, Umucyo, Ishema, Agaciro, Isoko, Umurage, Ubuhanga',
);

/** A school name that reads like the area's, invented from a place word and a motto word. */
export function schoolName(rng: Rng, area: NameArea, place: string): string {
  if (area === 'rwanda') {
    const prefix = rng.chance(0.6) ? 'EP' : 'GS';
    return rng.chance(0.5)
      ? `${prefix} ${rng.pick(kinyarwandaWords)}`
      : `${prefix} ${place} ${rng.pick(kinyarwandaWords)}`;
  }
  const where = area === 'coast' ? rng.pick(coastPlaces) : rng.chance(0.5) ? place : rng.pick(kenyaPlaces);
  return `${where} ${rng.pick(swahiliWords)} Primary`;
}

/** A phone number shaped like the country's mobile numbers. */
export function phoneNumber(rng: Rng, area: NameArea): string {
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  return area === 'rwanda'
    ? `+250 78${rng.int(0, 9)} ${digits(3)} ${digits(3)}`
    : `+254 7${rng.int(0, 2)}${rng.int(0, 9)} ${digits(3)} ${digits(3)}`;
}
