package mention

import "sort"

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
	"ru": {
		"а", "я", "у", "ю", "е", "и", "ы", "ом", "ем", "ём", "ой", "ей", "ою", "ею",
		"ам", "ям", "ами", "ями", "ах", "ях", "ов", "ев",
	},
	"uk": {
		"а", "я", "у", "ю", "е", "і", "и", "ом", "ем", "ою", "ею", "ові", "еві",
		"ам", "ям", "ами", "ями", "ах", "ях", "ів",
	},
	"hy": {"ի", "ը", "ն", "ում", "ից", "ով", "ին", "ու"},
}

// stemVowels end names that drop them before a Russian or Ukrainian ending
// (Шуша → Шуши, Гянджа → Гянджой).
var stemVowels = map[rune]bool{'а': true, 'я': true, 'ь': true, 'й': true, 'о': true}

func init() {
	for _, list := range suffixes {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i]) > len(list[j]) })
	}
}

// isTurkic reports the languages whose capital I is dotless.
func isTurkic(lang string) bool { return lang == "az" || lang == "tr" }
