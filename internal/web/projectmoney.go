package web

import (
	"context"
	"strings"

	"github.com/proximite/proximite"
	"github.com/proximite/proximite/internal/codelist"
)

// budgetView is a planned amount for a period.
type budgetView struct {
	Period, Type, Amount string
}

func budgetViews(l *localizer, budgets []proximite.Budget) []budgetView {
	var out []budgetView
	for _, b := range budgets {
		out = append(out, budgetView{Period: l.Period(b.PeriodStart, b.PeriodEnd),
			Type: codelist.BudgetType.Label(b.Type, l.lang), Amount: l.Money(b.Value)})
	}
	return out
}

// transactionView is money that moved, with who gave and who received.
type transactionView struct {
	Date               proximite.Date
	Type, Amount       string
	Provider, Receiver participantView
	Desc               proximite.Text
}

func transactionViews(ctx context.Context, l *localizer, names *orgNames, txs []proximite.Transaction) ([]transactionView, error) {
	var out []transactionView
	for _, t := range txs {
		v := transactionView{Date: t.Date, Type: codelist.TransactionType.Label(t.Type, l.lang), Amount: l.Money(t.Value), Desc: t.Description}
		var err error
		if v.Provider, err = names.of(ctx, l, t.Provider); err != nil {
			return nil, err
		}
		if v.Receiver, err = names.of(ctx, l, t.Receiver); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// inKindView is a contribution that is not money.
type inKindView struct {
	Org    participantView
	Kind   string
	Amount string // "12 jours, 3 personnes"
	Value  string
	Desc   proximite.Text
}

func inKindViews(ctx context.Context, l *localizer, names *orgNames, contribs []proximite.InKind) ([]inKindView, error) {
	var out []inKindView
	for _, k := range contribs {
		v := inKindView{Kind: l.Label("inkind", k.Kind), Desc: k.Description}
		if k.Org != "" {
			var err error
			if v.Org, err = names.of(ctx, l, &proximite.Participant{Org: k.Org}); err != nil {
				return nil, err
			}
		}
		var parts []string
		if k.Days > 0 {
			decimals := 0
			if k.Days != float64(int(k.Days)) {
				decimals = 1
			}
			parts = append(parts, l.T("inkind.days", "n", l.Number(k.Days, decimals)))
		}
		if k.People > 0 {
			parts = append(parts, l.N("inkind.people", k.People))
		}
		v.Amount = strings.Join(parts, ", ")
		if k.Value != nil {
			v.Value = l.Money(*k.Value)
		}
		out = append(out, v)
	}
	return out, nil
}

// resultView is an output, outcome or impact with its indicators.
type resultView struct {
	Type       string
	Title      proximite.Text
	Desc       proximite.Text
	Indicators []indicatorView
}

// indicatorView is one measure of a result, its values as written.
type indicatorView struct {
	Title                             proximite.Text
	Measure, Baseline, Target, Actual string
	Year                              int
}

func resultViews(l *localizer, results []proximite.Result) []resultView {
	var out []resultView
	for _, r := range results {
		v := resultView{Type: codelist.ResultType.Label(r.Type, l.lang), Title: r.Title, Desc: r.Description}
		for _, in := range r.Indicators {
			v.Indicators = append(v.Indicators, indicatorView{Title: in.Title, Measure: codelist.IndicatorMeasure.Label(in.Measure, l.lang),
				Baseline: in.Baseline, Target: in.Target, Actual: in.Actual, Year: in.Year})
		}
		out = append(out, v)
	}
	return out
}

// documentView is a document about a project.
type documentView struct {
	URL      string
	Title    proximite.Text
	Category string
	Format   string
	Language string
	Date     proximite.Date
}

func documentViews(l *localizer, docs []proximite.Document) []documentView {
	var out []documentView
	for _, d := range docs {
		v := documentView{URL: d.URL, Title: d.Title, Category: codelist.DocumentCategory.Label(d.Category, l.lang),
			Format: d.Format, Date: d.Date}
		if d.Language != "" {
			v.Language = l.Label("langname", d.Language)
			if v.Language == d.Language {
				v.Language = codelist.Language.Label(d.Language, l.lang)
			}
		}
		if v.Title.IsZero() {
			v.Title = proximite.T(l.lang, d.URL)
		}
		out = append(out, v)
	}
	return out
}
