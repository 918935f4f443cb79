package tochuc

// ScoreBand returns the rating of a 100-point score under 366-QĐ/TW
// (EVAL-05): 90 and above excellent, 70–89 good, 50–69 complete, below 50
// incomplete.
func ScoreBand(score int) string {
	switch {
	case score >= 90:
		return "excellent"
	case score >= 70:
		return "good"
	case score >= 50:
		return "complete"
	}
	return "incomplete"
}
