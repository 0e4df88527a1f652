package proximite

import "github.com/proximite/proximite/internal/codelist"

// The helpers below keep validation readable; the lists themselves are
// generated from the IATI codelists by internal/codelist.

func validCountry(code string) bool  { return codelist.Country.Valid(code) }
func validCurrency(code string) bool { return codelist.Currency.Valid(code) }

func activityStatusValid(c string) bool   { return codelist.ActivityStatus.Valid(c) }
func transactionTypeValid(c string) bool  { return codelist.TransactionType.Valid(c) }
func resultTypeValid(c string) bool       { return codelist.ResultType.Valid(c) }
func organisationRoleValid(c string) bool { return codelist.OrganisationRole.Valid(c) }
func regionValid(c string) bool           { return codelist.Region.Valid(c) }

// sectorValid checks a sector code against the list its vocabulary names.
// Vocabularies the registry carries no list for (a reporting
// organisation's own, "98" and "99") accept any non-empty code.
func sectorValid(vocab, code string) bool {
	switch vocab {
	case "1":
		return codelist.Sector.Valid(code)
	case "2":
		return codelist.SectorCategory.Valid(code)
	case "7":
		return codelist.UNSDGGoals.Valid(code)
	case "8":
		return codelist.UNSDGTargets.Valid(code)
	default:
		return code != "" && codelist.SectorVocabulary.Valid(vocab)
	}
}
