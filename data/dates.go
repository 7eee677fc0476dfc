package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// DateLayout is how dates are stored and exchanged: 2023-09-15.
const DateLayout = "2006-01-02"

// The layouts a stored date is shown in, each in its place (time.Format layouts, for
// FormatDate).
const (
	LongLayout    = "Monday 2 January 2006" // the minutes and what the clerk is told: Friday 15 September 2023
	DayLayout     = "2 January 2006"        // the action log's "as at": 15 September 2023
	ShortLayout   = "Mon 2 Jan 2006"        // the list of meetings: Fri 15 Sep 2023
	CompactLayout = "2 Jan 2006"            // a table's cells: 15 Sep 2023
	TypedLayout   = "02/01/2006"            // a date field, as the clerk types it: 15/09/2023
)

// FormatDate shows a stored date (YYYY-MM-DD) in layout, one of the layouts above; anything
// else, "" included, is returned as it is.
func FormatDate(date, layout string) string {
	t, err := time.Parse(DateLayout, date)
	if err != nil {
		return date
	}
	return t.Format(layout)
}

// ParseDate reads a date as a clerk might type it — 2023-09-15, 15/09/2023, 15/9/23,
// 15 September 2023, Friday 15th Sept 2023 — and returns it as YYYY-MM-DD.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", fmt.Errorf("no date given")
	}
	if t, err := time.Parse(DateLayout, s); err == nil {
		return t.Format(DateLayout), nil
	}
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == '/' || r == '.' || r == '-' || r == ',' || unicode.IsSpace(r)
	})
	// Drop a weekday name in front.
	if len(fields) > 0 && weekday(fields[0]) {
		fields = fields[1:]
	}
	if len(fields) != 3 {
		return "", fmt.Errorf("“%s” is not a date; type it as 15/09/2023 or 2023-09-15", s)
	}
	day, err := strconv.Atoi(strings.TrimRight(fields[0], "stndrh"))
	if err != nil {
		return "", fmt.Errorf("“%s” is not a date; type it as 15/09/2023 or 2023-09-15", s)
	}
	month, ok := monthNumber(fields[1])
	if !ok {
		return "", fmt.Errorf("“%s” has no month we recognise", s)
	}
	year, err := strconv.Atoi(fields[2])
	if err != nil {
		return "", fmt.Errorf("“%s” has no year we recognise", s)
	}
	if len(fields[2]) == 2 {
		year += 2000
	}
	if year < 1900 || year > 2200 {
		return "", fmt.Errorf("“%s” has a year out of range", s)
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || int(t.Month()) != month {
		return "", fmt.Errorf("“%s” is not a real date", s)
	}
	return t.Format(DateLayout), nil
}

func weekday(s string) bool {
	for d := time.Sunday; d <= time.Saturday; d++ {
		name := strings.ToLower(d.String())
		if s == name || s == name[:3] {
			return true
		}
	}
	return false
}

func monthNumber(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 1 && n <= 12
	}
	if s == "sept" {
		return 9, true
	}
	if len(s) < 3 {
		return 0, false
	}
	for m := time.January; m <= time.December; m++ {
		if strings.HasPrefix(strings.ToLower(m.String()), s) {
			return int(m), true
		}
	}
	return 0, false
}

// validDate reports whether s is empty or a stored date (YYYY-MM-DD).
func validDate(s string) bool {
	if s == "" {
		return true
	}
	_, err := time.Parse(DateLayout, s)
	return err == nil
}

// LongDate formats a stored date the way minutes print it: "Friday 15 September 2023".
func LongDate(s string) string { return FormatDate(s, LongLayout) }

// ParseClock reads a time of day as clerks write it — 11.05pm, 11:05 pm, 23:05, 10am, noon —
// and returns hours (0–23) and minutes.
func ParseClock(s string) (hour, minute int, err error) {
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	t = strings.ReplaceAll(t, ".m.", "m")
	switch t {
	case "noon", "midday", "12noon":
		return 12, 0, nil
	case "midnight":
		return 0, 0, nil
	}
	suffix := ""
	if strings.HasSuffix(t, "am") || strings.HasSuffix(t, "pm") {
		suffix, t = t[len(t)-2:], t[:len(t)-2]
	}
	hs, ms, found := strings.Cut(t, ".")
	if !found {
		hs, ms, found = strings.Cut(t, ":")
	}
	if !found {
		ms = "0"
	}
	hour, err1 := strconv.Atoi(hs)
	minute, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || hs == "" || (found && len(ms) != 2) || minute < 0 || minute > 59 {
		return 0, 0, fmt.Errorf("“%s” is not a time; type it as 10.30am or 14:30", s)
	}
	switch suffix {
	case "":
		if hour < 0 || hour > 23 || !found {
			return 0, 0, fmt.Errorf("“%s” is not a time; type it as 10.30am or 14:30", s)
		}
	default:
		if hour < 1 || hour > 12 {
			return 0, 0, fmt.Errorf("“%s” is not a time; the hour must be 1 to 12 before am or pm", s)
		}
		hour %= 12
		if suffix == "pm" {
			hour += 12
		}
	}
	return hour, minute, nil
}

// FormatClock writes a time of day in the house style of UK minutes: 10.30am, 2.05pm, 12 noon.
func FormatClock(hour, minute int) string {
	if hour == 12 && minute == 0 {
		return "12 noon"
	}
	suffix := "am"
	if hour >= 12 {
		suffix = "pm"
	}
	h := hour % 12
	if h == 0 {
		h = 12
	}
	return fmt.Sprintf("%d.%02d%s", h, minute, suffix)
}

// NormalClock returns s in the house style if it reads as a time, or s unchanged.
func NormalClock(s string) string {
	h, m, err := ParseClock(s)
	if err != nil {
		return s
	}
	return FormatClock(h, m)
}

// validClock reports whether s is empty or reads as a time of day.
func validClock(s string) bool {
	if strings.TrimSpace(s) == "" {
		return true
	}
	_, _, err := ParseClock(s)
	return err == nil
}

// MunicipalYear returns the year in which the municipal year holding the date began: local
// government years run from May to April, so 2024-04-30 is in 2023 and 2024-05-01 in 2024.
func MunicipalYear(date string) int {
	t, err := time.Parse(DateLayout, date)
	if err != nil {
		return 0
	}
	if t.Month() < time.May {
		return t.Year() - 1
	}
	return t.Year()
}
