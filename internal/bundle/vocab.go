package bundle

// enumVocab names the vocabulary of the label table (tochuc.Label) that
// holds the Vietnamese labels of an enum column's codes.
func enumVocab(file, col string) string {
	switch {
	case file == "evaluations" && col == "status":
		return "eval_status"
	case file == "discipline" && col == "form":
		return "discipline_form"
	case file == "awards" && col == "kind":
		return "award_kind"
	case file == "terms" && col == "level":
		return "term_level"
	case file == "post_quotas" && col == "unit_kind":
		return "unit_kind"
	case file == "document_targets" && col == "op":
		return "target_op"
	}
	switch col {
	case "period", "end_reason":
		return col
	case "role", "event", "how", "rating", "category", "gender", "status", "sector", "ownership":
		return col
	case "subject_type":
		return "subject"
	case "kind":
		return map[string]string{"documents": "document", "restructure": "restructure", "units": "unit_kind"}[file]
	}
	return ""
}
