package outlet

import "testing"

func TestNormalize(t *testing.T) {
	tests := []struct{ text, name, country string }{
		{"BARRON'S", "Barron's", "US"},
		{"new.am, Armenia", "new.am", "AM"},
		{"DW – Deutsche Welle, Germany", "Deutsche Welle", "DE"},
		{"United Nations News", "UN News", ""},
		{"Washington Times", "The Washington Times", "US"},
		{"JAMnews", "JAMnews", "GE"},
		{"Reuters, United Kingdom", "Reuters", "GB"},
		{"WASHINGTON EXAMINER", "Washington Examiner", ""},
		{"BBC", "BBC News", "GB"},
		{"Karabakh Herald, Azerbaijan", "Karabakh Herald", "AZ"},
		{"Smith, Jones and Partners", "Smith, Jones and Partners", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.text); got.Name != tt.name || got.Country != tt.country {
			t.Errorf("Normalize(%q) = %q %q, want %q %q", tt.text, got.Name, got.Country, tt.name, tt.country)
		}
	}
}
