package iati

import (
	"strings"

	"github.com/proximite/proximite"
)

// inKindLabels names the kinds of in-kind contribution in French and
// English.
var inKindLabels = map[string][2]string{
	"volunteer_days": {"bénévolat", "volunteer work"},
	"expert_days":    {"expertise", "expert work"},
	"goods":          {"biens", "goods"},
	"premises":       {"locaux", "premises"},
	"other":          {"autre contribution", "other contribution"},
}

// inKindText describes the project's in-kind contributions in words, one
// line per contribution, for a description of type 4 ("Other").
//
// In-kind contributions (volunteer and expert days, goods, premises) are
// what proximity cooperation is made of, and IATI has no element for
// them. A transaction would need money and a date, which days of work do
// not have, and would add them to the activity's financial totals; a
// result indicator would count an input as an achievement. A description
// is honest and is shown by every IATI tool: it gives who contributed,
// what, how many days and people, the estimated value when one was
// recorded, and the contribution's own description. The text is written
// in French and in English, and in any other language a contribution is
// described in.
func (e *Encoder) inKindText(a *activity) proximite.Text {
	if len(a.p.InKind) == 0 {
		return nil
	}
	var fr, en strings.Builder
	fr.WriteString("Contributions en nature :")
	en.WriteString("In-kind contributions:")
	others := map[string]*strings.Builder{}
	for i, k := range a.p.InKind {
		name := a.inKindOrgs[i]
		fr.WriteString("\n– ")
		en.WriteString("\n– ")
		e.inKindLine(&fr, k, name, "fr")
		e.inKindLine(&en, k, name, "en")
		for l, d := range k.Description {
			if isInterfaceLang(l) || strings.TrimSpace(d) == "" {
				continue
			}
			b := others[l]
			if b == nil {
				b = &strings.Builder{}
				others[l] = b
			}
			b.WriteString("– ")
			if n, _ := name.In(l); n != "" {
				b.WriteString(n + " : ")
			}
			b.WriteString(strings.TrimSpace(d))
			b.WriteString("\n")
		}
	}
	t := proximite.Text{"fr": fr.String(), "en": en.String()}
	for l, b := range others {
		t[l] = b.String()
	}
	return t
}

// inKindLine writes one contribution in French (lang "fr") or English.
func (e *Encoder) inKindLine(b *strings.Builder, k proximite.InKind, name proximite.Text, lang string) {
	fr := lang == "fr"
	if n, _ := name.In(lang); n != "" {
		b.WriteString(n)
		if fr {
			b.WriteString(" : ")
		} else {
			b.WriteString(": ")
		}
	}
	label := inKindLabels[k.Kind]
	if fr {
		b.WriteString(label[0])
	} else {
		b.WriteString(label[1])
	}
	if k.Days > 0 {
		b.WriteString(", " + e.number(k.Days, fr) + " ")
		switch {
		case fr && k.Days < 2:
			b.WriteString("jour")
		case fr:
			b.WriteString("jours")
		case k.Days == 1:
			b.WriteString("day")
		default:
			b.WriteString("days")
		}
	}
	if k.People > 0 {
		b.WriteString(", " + itoa(k.People) + " ")
		switch {
		case fr && k.People == 1:
			b.WriteString("personne")
		case fr:
			b.WriteString("personnes")
		case k.People == 1:
			b.WriteString("person")
		default:
			b.WriteString("people")
		}
	}
	if v := k.Value; v != nil {
		if fr {
			b.WriteString(", valeur estimée à ")
		} else {
			b.WriteString(", estimated value ")
		}
		b.WriteString(e.number(v.Amount, fr) + " " + strings.ToUpper(v.Currency))
	}
	b.WriteString(".")
	if d, l := k.Description.In(lang); d != "" && l == lang {
		b.WriteString(" " + strings.TrimSpace(d))
	}
}

// number formats a quantity, with a decimal comma in French.
func (e *Encoder) number(v float64, fr bool) string {
	s := e.w.decimal(v)
	if fr {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}
