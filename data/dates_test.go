package data

import "testing"

func TestParseDate(t *testing.T) {
	good := map[string]string{
		"2023-09-15": "2023-09-15", "15/09/2023": "2023-09-15", "15/9/23": "2023-09-15", "15 September 2023": "2023-09-15",
		"Friday 15th Sept 2023": "2023-09-15", "Friday, 15 Sep 2023": "2023-09-15", "29/02/2024": "2024-02-29", "1.5.2024": "2024-05-01",
	}
	for in, want := range good {
		if got, err := ParseDate(in); err != nil || got != want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "31/02/2024", "29/02/2023", "tomorrow", "15 Smarch 2023", "2023-13-01", "15/09"} {
		if got, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q) = %q, want an error", in, got)
		}
	}
}

func TestParseAndFormatClock(t *testing.T) {
	good := map[string]string{
		"11.05pm": "11.05pm", "11:05 pm": "11.05pm", "23:05": "11.05pm", "10am": "10.00am", "noon": "12 noon",
		"12.30pm": "12.30pm", "12.15am": "12.15am", "9.30 a.m.": "9.30am", "00:00": "12.00am",
	}
	for in, want := range good {
		if got := NormalClock(in); got != want {
			t.Errorf("NormalClock(%q) = %q, want %q", in, got, want)
		}
	}
	for _, in := range []string{"25:00", "13pm", "11.5pm", "ten", "11.60am", "0am", "11"} {
		if _, _, err := ParseClock(in); err == nil {
			t.Errorf("ParseClock(%q) accepted", in)
		}
	}
}
