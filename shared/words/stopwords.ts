/**
 * Words that carry no meaning for a search, per language. They still count inside a
 * vocabulary phrase ("drop out", "kuacha shule"), never on their own.
 */
export const stopwords = {
  // Words that describe how bad a problem is ("attendance is low", "hesabu ni ngumu"), or
  // only that there is one ("learners struggle with maths", "changamoto"), say nothing
  // about which practice helps, so they are stop-words too.
  en: 'a an and are as at be but by can do does did for from has have had how i in into is it its me my no not of on or our ours so that the their them there they this to up us was we what when where which who whom why will with you your about after all also any been before more most other over some than then these those very would should could get got make made out off just only such each own same too while during again further here once both being were am only upon via per low poor weak high many few much less lot lots bad good cannot cant dont doesnt often always never problem problems issue issues difficulty difficulties difficult struggle struggles struggling challenge challenges',
  sw: 'na ya wa za la kwa ni katika kama hii hiyo huo hao ile ili au lakini pia sana bado tu je nini gani vipi wapi kuna hakuna si ndiyo hapana yake wake zake lake kwamba hata hadi tena huu hizi hawa kwenye cha vya kila yao wao wetu yetu sisi nyinye wewe mimi yeye ambao ambayo ambaye ambapo ama basi kisha kabla baada bila zaidi mno nao nayo hivyo hivi duni ngumu chini wengi wachache hawawezi hawezi hatuwezi haiwezi vibaya vizuri wenye mwenye yenye lenye chenye vyenye zenye penye wasio asiye isiyo yasiyo lisilo kisicho visivyo zisizo pasipo tatizo matatizo changamoto shida',
  fr: 'le la les un une des du de et ou en au aux pour par sur dans avec est sont pas que qui quoi ce cette ces son sa ses leur leurs ne plus comme mais nous vous ils elles il elle on se probleme problemes difficulte difficultes defi',
  rw: 'na mu ku ni kandi cyangwa ariko nta iyi uyu aba ibi ubu muri kuri ikibazo ibibazo',
} as const;

const all = new Set(Object.values(stopwords).flatMap((list) => list.split(' ')));

/** A stop-word in any of the languages practices are written in. */
export function isStopword(word: string): boolean {
  return all.has(word);
}
