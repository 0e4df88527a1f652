package iati

import (
	"net/url"
	"path"
	"strings"

	"github.com/proximite/proximite"
)

// budgets writes each budget with its period, widened to whole days
// (start to the first day, end to the last), and its value. A value
// without its own value date is valued at the start of the period, as
// IATI's guidance asks.
func (e *Encoder) budgets(p *proximite.Project) {
	for _, b := range p.Budgets {
		start, end := startDate(b.PeriodStart), endDate(b.PeriodEnd)
		if start == "" || end == "" {
			continue // the registry requires both; a damaged record is left out, not guessed
		}
		e.w.open("budget", "type", b.Type)
		e.w.empty("period-start", "iso-date", start)
		e.w.empty("period-end", "iso-date", end)
		e.value(b.Value, start)
		e.w.close("budget")
	}
}

// transactions writes each transaction with its type, date, value,
// description and the organisations that provided and received it.
func (e *Encoder) transactions(a *activity) {
	for i, t := range a.p.Transactions {
		date := startDate(t.Date)
		if date == "" || t.Type == "" {
			continue // required by the registry and by IATI alike
		}
		e.w.open("transaction")
		e.w.empty("transaction-type", "code", t.Type)
		e.w.empty("transaction-date", "iso-date", date)
		e.value(t.Value, date)
		e.text("description", t.Description)
		if o := a.providers[i]; o != nil {
			e.orgElement("provider-org", *o, "")
		}
		if o := a.receivers[i]; o != nil {
			e.orgElement("receiver-org", *o, "")
		}
		e.w.close("transaction")
	}
}

// value writes an amount with its currency, always explicit even when
// the activity declares it as default, and its value date, or
// defaultDate when it has none.
func (e *Encoder) value(m proximite.Money, defaultDate string) {
	vd := startDate(m.ValueDate)
	if vd == "" {
		vd = defaultDate
	}
	e.w.leaf("value", e.w.decimal(m.Amount), "currency", strings.ToUpper(m.Currency), "value-date", vd)
}

// documents writes the document links. IATI requires a format and a
// category: a format not recorded is taken from the address's file
// extension (a .pdf is application/pdf) and is otherwise text/html; a
// category not recorded is A12, "Activity web page", the broadest of the
// categories about one activity. A document without a title is titled
// with its address.
func (e *Encoder) documents(p *proximite.Project) {
	for _, d := range p.Documents {
		if d.URL == "" {
			continue
		}
		format := d.Format
		if format == "" {
			format = formatOf(d.URL)
		}
		category := d.Category
		if category == "" {
			category = "A12"
		}
		e.w.open("document-link", "url", d.URL, "format", format)
		if d.Title.IsZero() {
			e.w.open("title")
			e.w.leaf("narrative", d.URL)
			e.w.close("title")
		} else {
			e.text("title", d.Title)
		}
		e.w.empty("category", "code", category)
		if d.Language != "" {
			e.w.empty("language", "code", strings.ToLower(d.Language))
		}
		if iso := startDate(d.Date); iso != "" {
			e.w.empty("document-date", "iso-date", iso)
		}
		e.w.close("document-link")
	}
}

// formats maps file extensions to the IANA media types of IATI's
// FileFormat codelist, for documents whose format was not recorded.
var formats = map[string]string{
	".pdf":  "application/pdf",
	".doc":  "application/msword",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".odt":  "application/vnd.oasis.opendocument.text",
	".xls":  "application/vnd.ms-excel",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".ods":  "application/vnd.oasis.opendocument.spreadsheet",
	".ppt":  "application/vnd.ms-powerpoint",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".csv":  "text/csv",
	".txt":  "text/plain",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".png":  "image/png",
	".zip":  "application/zip",
}

// formatOf guesses a document's media type from its address.
func formatOf(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		if f, ok := formats[strings.ToLower(path.Ext(u.Path))]; ok {
			return f
		}
	}
	return "text/html"
}
