package iati

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// Versions 1.0x of the standard named some codes in words or letters that
// 2.0x numbers. The tables below turn them into the 2.0x codes the
// registry keeps; keys are lower case.
var (
	v1Roles = map[string]string{"funding": "1", "accountable": "2", "extending": "3", "implementing": "4"}

	v1DateTypes = map[string]string{"start-planned": "1", "start-actual": "2", "end-planned": "3", "end-actual": "4"}

	v1TransactionTypes = map[string]string{"if": "1", "c": "2", "d": "3", "e": "4", "ir": "5", "lr": "6",
		"r": "7", "qp": "8", "qs": "9", "cg": "10"}

	// The 1.0x Vocabulary codelist; "RO" and "RO2" are the reporting
	// organisation's own vocabularies.
	v1SectorVocabularies = map[string]string{"dac": "1", "dac-3": "2", "cofog": "3", "nace": "4",
		"ntee": "5", "adt": "6", "ro": "99", "ro2": "98"}

	v1BudgetTypes = map[string]string{"original": "1", "revised": "2"}

	v1ResultTypes = map[string]string{"output": "1", "outcome": "2", "impact": "3", "other": "9"}

	v1Measures = map[string]string{"unit": "1", "percentage": "2", "nominal": "3", "ordinal": "4", "qualitative": "5"}

	// Some 1.0x files give the activity status as its name only.
	v1Statuses = map[string]string{"pipeline/identification": "1", "implementation": "2", "completion": "3",
		"finalisation": "3", "post-completion": "4", "closed": "4", "cancelled": "5", "suspended": "6"}
)

// v2Code returns code unchanged when it is already a 2.0x code (digits), and
// else its translation from the 1.0x table, or "" when it has none.
func v2Code(code string, v1 map[string]string) string {
	code = strings.TrimSpace(code)
	if code == "" || strings.Trim(code, "0123456789") == "" {
		return code
	}
	return v1[strings.ToLower(code)]
}

// orgKinds is the inverse of proximite.OrgKind.IATIType: the kind an
// organisation of an IATI OrganisationType is given when an import
// creates it. IATI's types are coarser than the registry's kinds, so the
// choice is the most common kind of each type in proximity cooperation.
var orgKinds = map[string]proximite.OrgKind{
	"10": proximite.GovernmentAgency, "11": proximite.Municipality, "15": proximite.PublicService,
	"21": proximite.NGO, "22": proximite.NGO, "23": proximite.NGO, "24": proximite.NGO,
	"30": proximite.Enterprise, "40": proximite.Multilateral, "60": proximite.Foundation,
	"70": proximite.Enterprise, "71": proximite.Enterprise, "72": proximite.Enterprise, "73": proximite.Enterprise,
	"80": proximite.Academic, "90": proximite.NGO,
}

// OrgKindOf returns the kind of organisation for an IATI OrganisationType
// code. Without a type, or with an unknown one, it returns NGO: most
// organisations that files name without typing them are associations.
func OrgKindOf(iatiType string) proximite.OrgKind {
	if k, ok := orgKinds[strings.TrimSpace(iatiType)]; ok {
		return k
	}
	return proximite.NGO
}

// refCountry returns the country of an IATI organisation reference, whose
// first part names a registration agency by country ("GB-CHC-285776",
// "ES-CIF-G81164105"), or "" for references without one ("XM-DAC-41114",
// "41114").
func refCountry(ref string) string {
	cc, _, ok := strings.Cut(ref, "-")
	if !ok || len(cc) != 2 || strings.ToUpper(cc) != cc || !codelist.Country.Valid(cc) {
		return ""
	}
	return cc
}

var langRE = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// langCode returns a language code as the registry keeps it ("EN" → "en",
// "fr-CA" stays), or "" when s is not a language code.
func langCode(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if len(s) == 2 && 'a' <= s[0] && s[0] <= 'z' && 'a' <= s[1] && s[1] <= 'z' {
		return s // "en", "fr": most of them, without the expression
	}
	head, tail, _ := strings.Cut(s, "-")
	s = strings.ToLower(head)
	if tail != "" {
		s += "-" + tail
	}
	if !langRE.MatchString(s) {
		return ""
	}
	return s
}

// datePrefix returns the date at the start of s: YYYY, YYYY-MM or
// YYYY-MM-DD, the longest there is, or "". It is the regular expression
// ^\d{4}(-\d{2}(-\d{2})?)? written out, since every date of every
// activity goes through it.
func datePrefix(s string) string {
	digits := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return false
			}
		}
		return true
	}
	if len(s) < 4 || !digits(s[:4]) {
		return ""
	}
	if len(s) < 7 || s[4] != '-' || !digits(s[5:7]) {
		return s[:4]
	}
	if len(s) < 10 || s[7] != '-' || !digits(s[8:10]) {
		return s[:7]
	}
	return s[:10]
}

// readDate reads an IATI date: the iso-date attribute, else the element's
// text, which 1.0x files sometimes used alone. ok is false when something
// was written that is not a date.
func readDate(n *node) (d proximite.Date, ok bool) {
	if n == nil {
		return "", true
	}
	if s := n.attr("iso-date"); s != "" {
		return parseDate(s)
	}
	return parseDate(n.text)
}

// parseDate reads a date, a date-time (which keeps its date), a month or a
// year; "" is a valid empty date.
func parseDate(s string) (proximite.Date, bool) {
	if s = strings.TrimSpace(s); s == "" {
		return "", true
	}
	d := proximite.Date(datePrefix(s))
	if d == "" || !d.Valid() {
		return "", false
	}
	return d, true
}

var groupedRE = regexp.MustCompile(`^-?\d{1,3}(,\d{3})+(\.\d+)?$`)

// parseAmount reads a number as IATI files write it: a decimal, sometimes with
// spaces around it or commas between groups of thousands.
func parseAmount(s string) (float64, bool) {
	s = strings.TrimSpace(s)
	// Most amounts have no comma; the expression is asked only of those
	// that do.
	if strings.IndexByte(s, ',') >= 0 && groupedRE.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f || f > 1e300 || f < -1e300 {
		return 0, false
	}
	return f, true
}

// parsePercentage reads a percentage attribute; a missing one is nil.
func parsePercentage(s string) (*float64, bool) {
	if s == "" {
		return nil, true
	}
	f, ok := parseAmount(strings.TrimSuffix(s, "%"))
	if !ok {
		return nil, false
	}
	return &f, true
}
