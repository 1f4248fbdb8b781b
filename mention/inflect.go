package mention

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// suffixes are the case and copula endings a name takes, by language, folded.
// Names in English and the other languages here take none ("Lachinov" is not
// Lachin). Longer endings are tried first.
var suffixes = map[string][]string{
	"az": {
		"ın", "in", "un", "ün", "nın", "nin", "nun", "nün",
		"ı", "i", "u", "ü", "nı", "ni", "nu", "nü", "sı", "si", "su", "sü",
		"a", "ə", "ya", "yə", "na", "nə",
		"da", "də", "ta", "tə", "nda", "ndə",
		"dan", "dən", "tan", "tən", "ndan", "ndən",
		"lar", "lər", "ları", "ləri", "ların", "lərin",
		"dakı", "dəki", "ndakı", "ndəki",
		"dır", "dir", "dur", "dür", "tır", "tir", "tur", "tür",
		"la", "lə", "yla", "ylə",
	},
	"tr": {
		"ın", "in", "un", "ün", "nın", "nin", "nun", "nün",
		"ı", "i", "u", "ü", "yı", "yi", "yu", "yü", "sı", "si", "su", "sü",
		"a", "e", "ya", "ye", "na", "ne",
		"da", "de", "ta", "te", "nda", "nde",
		"dan", "den", "tan", "ten", "ndan", "nden",
		"lar", "ler", "daki", "deki",
		"dır", "dir", "dur", "dür", "tır", "tir", "tur", "tür",
		"la", "le", "yla", "yle",
	},
	// Russian and Ukrainian: noun endings, and the adjective endings of
	// names like Нагорный Карабах (Нагорного Карабаха), Лачинский коридор.
	"ru": {
		"а", "я", "у", "ю", "е", "и", "ы", "ом", "ем", "ём", "ой", "ей", "ою", "ею",
		"ам", "ям", "ами", "ями", "ах", "ях", "ов", "ев",
		"ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ыми", "ими",
		"ую", "юю", "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий",
	},
	"uk": {
		"а", "я", "у", "ю", "е", "і", "и", "ом", "ем", "ою", "ею", "ові", "еві",
		"ам", "ям", "ами", "ями", "ах", "ях", "ів",
		"ого", "ього", "ому", "ьому", "им", "ім", "их", "іх", "ими", "іми",
		"ій", "ий", "ої", "ей",
	},
	"hy": {"ի", "ը", "ն", "ում", "ից", "ով", "ին", "ու"},
	// Georgian: nominative -ი drops before the others (ალიევი, ალიევმა).
	"ka": {"ის", "ს", "მა", "მ", "ში", "ზე", "თან", "დან", "ით", "ად", "ისთვის", "ისა", "იც", "ც"},
	// Bengali: genitive, locative, objective (আজারবাইজানের, কারাবাখে).
	"bn": {"ের", "র", "কে", "ে", "তে", "য়", "য়ের", "ও", "ই", "রা", "দের"},
	// German: the genitive -s (Aserbaidschans, Bergkarabachs).
	"de": {"s"},
}

// everyWord are the languages in which every word of a name takes the case
// ending, not only the last: Никола Пашиняна, Нагорного Карабаха, მთიან
// ყარაბაღში.
var everyWord = map[string]bool{"ru": true, "uk": true, "ka": true}

// prefixes are the clitics written onto a name's first word, folded: Arabic
// wa-, bi-, li-, ka-, fa- and the article (وأرمينيا, لناغورنو).
var prefixes = map[string][]string{
	"ar": {"وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك"},
}

// stemVowels end names that drop them before a Russian, Ukrainian or
// Georgian ending (Шуша → Шуши, Гянджа → Гянджой, ალიევი → ალიევმა).
var stemVowels = map[rune]bool{'а': true, 'я': true, 'ь': true, 'й': true, 'о': true, 'ი': true}

// adjectiveEndings end the Russian and Ukrainian adjectives of names, which
// change whole before an ending (Нагорный → Нагорного).
var adjectiveEndings = []string{"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ій"}

func init() {
	for _, list := range suffixes {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
	}
}

// nameStems returns the stems a name's folded word is indexed under besides
// itself, for the endings that replace part of it.
func nameStems(word string) []string {
	var out []string
	if last, size := utf8.DecodeLastRuneInString(word); stemVowels[last] && utf8.RuneCountInString(word) > 3 {
		out = append(out, word[:len(word)-size])
	}
	for _, e := range adjectiveEndings {
		if strings.HasSuffix(word, e) && utf8.RuneCountInString(word) > 5 {
			out = append(out, word[:len(word)-len(e)])
		}
	}
	return out
}

// scriptLanguage is the language of a body the detector could not tell
// when its first letter beyond Latin is in a script only one language of
// the region writes (Armenian, Georgian, Bengali), else "und".
func scriptLanguage(body string) string {
	for _, r := range body {
		switch {
		case r < 0x370 || !unicode.IsLetter(r):
			continue
		case unicode.Is(unicode.Armenian, r):
			return "hy"
		case unicode.Is(unicode.Georgian, r):
			return "ka"
		case unicode.Is(unicode.Bengali, r):
			return "bn"
		}
		break
	}
	return "und"
}

// isTurkic reports the languages whose capital I is dotless.
func isTurkic(lang string) bool { return lang == "az" || lang == "tr" }
