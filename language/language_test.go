package language

import (
	"os"
	"strings"
	"testing"
)

func TestDetectShortSentences(t *testing.T) {
	d := NewDetector()
	tests := []struct{ text, want string }{
		{"Armenia shelled Azerbaijani army positions in Kalbajar district", "en"},
		{"Kəlbəcər Azadlığın Mübarək! #kelbecer #kalbajar #KarabakhisAzerbaijan", "az"},
		{"Bu gün Ağdamın erməni əsirliyindən azad olunmasından 2 il ötür.", "az"},
		{"Les fermes d'abeilles à miel nouvellement établies dans le district libéré", "fr"},
		{"Президент Азербайджана посетил Карабах и Ханкенди.", "ru"},
		{"Ադրբեջանի նախագահը այցելել է Ստեփանակերտ։", "hy"},
		{"Azerbaycan Cumhurbaşkanı bugün Karabağ'ı ziyaret etti.", "tr"},
		{"საქართველოს პრემიერ-მინისტრი ბაქოში ჩავიდა.", "ka"},
		{"Der Präsident besuchte gestern die Region Bergkarabach.", "de"},
		{"Президент України відвідав Баку минулого тижня.", "uk"},
		{"Jomard village of Kalbajar district", "en"},
		{"Azerbaijani MoD: Combat duty is organized at a high level in Kalbajar region-VIDEO", "en"},
		{"Monastère albanais du Caucase à Kalbajar, Azerbaïdjan. Construit par Hasan Jalal en 1238.", "fr"},
		{"Die Regierung in Baku hat am Montag die Grenze zu Armenien geschlossen.", "de"},
		{"Kəlbəcər - İstu Su. İnşəAllah tezliklə təkrarən süfrələrimi bəzəyər.", "az"},
		{"Kəlbəcər Azadlığın Mübarək! . . . . . . #kelbecer #kalbajar", "az"},
	}
	for _, tt := range tests {
		if got, conf := d.Detect(tt.text); got != tt.want || conf <= 0 || conf > 1 {
			t.Errorf("Detect(%q) = %s %.4f, want %s", tt.text, got, conf, tt.want)
		}
	}
}

func TestDetectNothing(t *testing.T) {
	for _, text := range []string{"12345 — 678", "file: Keşdək village, Kalbajar, Azerbaijan.jpg", "#Kalbajar #Azerbaijan https://example.com/x", ""} {
		if got, conf := NewDetector().Detect(text); got != Undetermined || conf != 0 {
			t.Errorf("Detect(%q) = %s %v, want und 0", text, got, conf)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	raw, err := os.ReadFile("../seeds/001_5e29adcfeed8e22f.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Join(strings.Split(string(raw), "\n")[:70], "\n")
	d := NewDetector()
	d.Detect(text)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		d.Detect(text)
	}
}
