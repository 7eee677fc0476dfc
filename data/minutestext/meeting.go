package minutestext

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// timePattern reads a time of day as minutes print it: "10.30am", "2 pm",
// "11.05 p.m.", "12 noon", and a 24-hour clock with its unit: "14:00hrs",
// "1400 hours".
const timePattern = `\d{1,2}(?:[.:]\d{2})?\s?(?i:am|pm|a\.m\.|p\.m\.|noon)|\d{1,2}[.:]\d{2}\s?(?i:hrs|hours)\b|[012]\d[0-5]\d\s?(?i:hrs|hours)\b`

var (
	timeLineRE = regexp.MustCompile(`^\(?(` + timePattern + `)\)?\.?$`)
	timeRE     = regexp.MustCompile(`\b(` + timePattern + `)`)

	monthPattern = `(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`
	dayMonthRE   = regexp.MustCompile(`\b(\d{1,2})(?i:st|nd|rd|th)?(?:\s+of)?\s+(` + monthPattern + `)\.?,?\s+(\d{4})\b`)
	monthDayRE   = regexp.MustCompile(`\b(` + monthPattern + `)\.?\s+(\d{1,2})(?i:st|nd|rd|th)?,?\s+(\d{4})\b`)
	numericRE    = regexp.MustCompile(`\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b`)
	isoRE        = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	weekdayRE    = regexp.MustCompile(`^(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+`)

	minutesHeadingRE = regexp.MustCompile(`^(?i:(?:the\s+)?(?:draft\s+)?minutes\s+of\s+|meeting\s+of\s+|(?:the\s+)?meeting\s+held\s+)`)
	bodyOfMeetingRE  = regexp.MustCompile(`(?i)^(?:the\s+)?(?:draft\s+)?minutes\s+of\s+(?:the|a|an)\s+(?:[a-z]+\s+)?meeting\s+of\s+(?:the\s+)?(.+?)\s+(?:held|on|at|in)\b`)
	bodyMinutesRE    = regexp.MustCompile(`(?i)^(?:the\s+)?(?:draft\s+)?minutes\s+of\s+(?:the\s+)?(.+?)\s+(?:meeting\s+)?held\b`)
	meetingOfRE      = regexp.MustCompile(`(?i)^meeting\s+of\s+(?:the\s+)?(.+?)\s+(?:held|on|at|in)\b`)
	finishingRE      = regexp.MustCompile(`(?i)\s*(?:and\s+)?(?:finishing|ending|closing|concluding)\s+at\s+(` + timePattern + `)`)
	heldAtRE         = regexp.MustCompile(`(?i)\bheld\s+(?:at|in)\s+(.+?)\s+on\s+`)

	// modernGovMeetingRE reads Modern.gov's "Meeting: 15/09/2023 - Thames
	// Valley Police and Crime Panel (Item 40)".
	modernGovMeetingRE = regexp.MustCompile(`^(?i:meeting):\s*(\S+)\s+[-–—]\s+(.+?)(?:\s+\((?i:item)\s+([^)]+)\))?$`)
	meetingEndRE       = regexp.MustCompile(`^(?i:the\s+)?(?i:meeting)\s+(?i:closed|ended|finished|concluded|rose|terminated)\s+(?i:at\s+)?(` + timePattern + `)\.?$`)
	keyLineRE          = regexp.MustCompile(`^(?i:(date|time|venue|place|location))\s*:\s*(.+)$`)

	// titleLineRE reads a Modern.gov page's title: "Eastvale Police and
	// Crime Panel - Thursday, 3rd March, 2022 2.00 pm".
	titleLineRE = regexp.MustCompile(`^(.+?)\s+[-–—]\s+((?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day),?\s+.*\d{4}.*)$`)
	// cmisTimesRE reads the times of a CMIS page's "1 Jun 2023 - 14:30 to 17:00".
	cmisTimesRE = regexp.MustCompile(`-\s+(\d{1,2}:\d{2})\s+to\s+(\d{1,2}:\d{2})$`)
	// meetingOfBodyRE reads "MEETING OF EASTVALE POLICE AND CRIME PANEL" alone.
	meetingOfBodyRE = regexp.MustCompile(`^(?i:meeting\s+of\s+(?:the\s+)?)(.+)$`)
	// notBodyRE matches the lines about the document that name no body:
	// "Minutes", "Draft Minutes", "Notes of Meeting".
	notBodyRE = regexp.MustCompile(`^(?i:(?:draft\s+|public\s+)?(?:minutes|notes|agenda)(?:\s+of\s+(?:the\s+|a\s+)?meeting)?|minutes\s+template)$`)
)

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// findDate finds the first date in t and returns it as YYYY-MM-DD with the
// byte offsets of the match, or "" when t holds no valid date. It reads
// "15 September 2023", "Friday, 15th September, 2023", "September 15, 2023",
// "15/09/2023", "15.09.23" (day first, as in the UK) and "2023-09-15".
func findDate(t string) (iso string, start, end int) {
	if !strings.ContainsAny(t, "0123456789") {
		return "", 0, 0
	}
	best := -1
	try := func(re *regexp.Regexp, ymd func(m []string) (int, string, int)) {
		loc := re.FindStringSubmatchIndex(t)
		if loc == nil || best >= 0 && loc[0] >= best {
			return
		}
		m := make([]string, len(loc)/2)
		for i := range m {
			m[i] = t[loc[2*i]:loc[2*i+1]]
		}
		y, mon, d := ymd(m)
		if s := validDate(y, mon, d); s != "" {
			iso, start, end, best = s, loc[0], loc[1], loc[0]
		}
	}
	try(dayMonthRE, func(m []string) (int, string, int) { return atoi(m[3]), m[2], atoi(m[1]) })
	try(monthDayRE, func(m []string) (int, string, int) { return atoi(m[3]), m[1], atoi(m[2]) })
	try(numericRE, func(m []string) (int, string, int) {
		y := atoi(m[3])
		if y < 100 {
			y += 2000
		}
		return y, m[2], atoi(m[1])
	})
	try(isoRE, func(m []string) (int, string, int) { return atoi(m[1]), m[2], atoi(m[3]) })
	return iso, start, end
}

// validDate formats a date as YYYY-MM-DD, or returns "" when there is no such
// day. month is a number or an English month name.
func validDate(year int, month string, day int) string {
	m := time.Month(atoi(month))
	if m == 0 {
		m = months[strings.ToLower(month[:min(3, len(month))])]
	}
	if year < 1900 || year > 2200 || m < 1 || m > 12 || day < 1 {
		return ""
	}
	d := time.Date(year, m, day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day || d.Month() != m {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", year, int(m), day)
}

// atoi converts digits, returning 0 for anything else.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0
	}
	return n
}

// isTimeLine reports whether t is a time alone: "11.05pm", "11.05 pm",
// "2:15pm", "(10.35am)".
func isTimeLine(t string) (string, bool) {
	if len(t) > 14 || len(t) < 3 || !(t[0] >= '0' && t[0] <= '9' || t[0] == '(') ||
		!strings.ContainsRune("mMnN.)", rune(t[len(t)-1])) {
		return "", false
	}
	m := timeLineRE.FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	return m[1], true
}

// isDateLine reports whether t is a date alone, perhaps with a weekday and a
// time: "Friday 15 September 2023", "15/09/2023 at 10.30am".
func isDateLine(t string) bool {
	if len(t) > 60 {
		return false
	}
	iso, start, end := findDate(t)
	if iso == "" {
		return false
	}
	before := weekdayRE.ReplaceAllString(t[:start], "")
	after := strings.TrimSpace(t[end:])
	if after != "" {
		after = strings.TrimSpace(timeRE.ReplaceAllString(after, ""))
		after = strings.Trim(after, " ,.")
		after = strings.TrimPrefix(strings.ToLower(after), "at")
	}
	return strings.TrimSpace(before) == "" && strings.TrimSpace(after) == ""
}

// isMeetingHeading reports whether t is "Minutes of the meeting … held on
// <date> …" (or of a named body). It needs "held" or a date, so an item
// called "Minutes of the previous meeting" is not taken for it.
func isMeetingHeading(t string) bool {
	if !minutesHeadingRE.MatchString(t) {
		return false
	}
	if iso, _, _ := findDate(t); iso != "" {
		return true
	}
	return strings.Contains(strings.ToLower(t), " held")
}

// readTitleLine reads a Modern.gov page's title line, "Body - Thursday, 3rd
// March, 2022 2.00 pm", returning the body and what follows it.
func readTitleLine(t string) (body, when string, ok bool) {
	if len(t) > 250 {
		return "", "", false
	}
	sub := titleLineRE.FindStringSubmatch(t)
	if sub == nil || !isTitleish(sub[1]) {
		return "", "", false
	}
	if iso, _, _ := findDate(sub[2]); iso == "" {
		return "", "", false
	}
	return sub[1], sub[2], true
}

// readDateTime reads a date and the time after it, and no venue.
func (m *Meeting) readDateTime(t string) {
	iso, _, end := findDate(t)
	if iso != "" && m.Date == "" {
		m.Date = iso
	}
	if sub := timeRE.FindStringSubmatch(t[end:]); sub != nil && m.StartTime == "" {
		m.StartTime = sub[1]
	}
}

// readCMISDate reads a CMIS page's "1 Jun 2023 - 14:30 to 17:00".
func (m *Meeting) readCMISDate(t string) {
	if iso, _, _ := findDate(t); iso != "" && m.Date == "" {
		m.Date = iso
	}
	if sub := cmisTimesRE.FindStringSubmatch(t); sub != nil {
		if m.StartTime == "" {
			m.StartTime = sub[1]
		}
		if m.EndTime == "" {
			m.EndTime = sub[2]
		}
	}
}

// isDateVenueLine reports whether t opens with the meeting's date and goes
// on to the venue: "Thursday 24 October 2024 Wallfields, Pegs Lane,
// Hertford", "7th February 2025, Wakefield Suite, Wakefield One".
func isDateVenueLine(t string) bool {
	if len(t) > 160 {
		return false
	}
	iso, start, end := findDate(t)
	if iso == "" || strings.TrimSpace(weekdayRE.ReplaceAllString(t[:start], "")) != "" {
		return false
	}
	rest := trimVenue(timeRE.ReplaceAllString(t[end:], ""))
	return rest != "" && isVenueish(rest)
}

// readMeetingHeading fills in what a meeting heading line gives: body, date,
// start time and venue. Fields already set are kept.
func (m *Meeting) readMeetingHeading(t string) {
	if m.Body == "" {
		for _, re := range []*regexp.Regexp{bodyOfMeetingRE, meetingOfRE, bodyMinutesRE} {
			if sub := re.FindStringSubmatch(t); sub != nil && !strings.EqualFold(sub[1], "meeting") {
				m.Body = sub[1]
				break
			}
		}
	}
	m.readDateTimeVenue(t)
}

// readDateTimeVenue reads a date, the time after it and a venue from a
// heading or date line. The venue is "held at X on", or whatever follows the
// time.
func (m *Meeting) readDateTimeVenue(t string) {
	iso, _, dateEnd := findDate(t)
	if iso != "" && m.Date == "" {
		m.Date = iso
	}
	rest := t
	if iso != "" {
		rest = t[dateEnd:]
	}
	venue := ""
	if loc := timeRE.FindStringSubmatchIndex(rest); loc != nil {
		if m.StartTime == "" {
			m.StartTime = rest[loc[2]:loc[3]]
		}
		venue = rest[loc[1]:]
	} else if iso != "" {
		venue = rest
	}
	if sub := heldAtRE.FindStringSubmatch(t); sub != nil {
		venue = sub[1]
	}
	// "commencing at 10.00 am and finishing at 12.35 pm"
	if sub := finishingRE.FindStringSubmatch(t); sub != nil {
		if m.EndTime == "" {
			m.EndTime = sub[1]
		}
		venue = finishingRE.ReplaceAllString(venue, "")
	}
	if venue = trimVenue(venue); venue != "" && m.Venue == "" {
		m.Venue = venue
	}
}

// trimVenue strips the "at", "in", commas and dashes that lead into a venue,
// and a closing full stop.
func trimVenue(v string) string {
	for {
		v = strings.TrimSpace(strings.TrimLeft(v, " ,;:-–—"))
		lower := strings.ToLower(v)
		switch {
		case strings.HasPrefix(lower, "at "), strings.HasPrefix(lower, "in "):
			v = v[3:]
		case strings.HasPrefix(lower, "commencing "):
			v = v[len("commencing "):]
		default:
			v = strings.TrimSuffix(v, ".")
			if !containsLetter(v) {
				return ""
			}
			return v
		}
	}
}

// containsLetter reports whether s has a letter in it.
func containsLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
