package check

// Exported pieces of the evaluation rules, for the evaluation workplace: the
// same definitions the checks use, so that the live status and the summary
// never compute a rule differently.

// HeadRole is the role of the head of a unit of a kind (checks-v1 "Head of
// a unit").
func HeadRole(kind string) string { return headRole(kind) }

// Rank orders ratings: excellent 4 > good 3 > complete 2 > incomplete 1 (0: none).
func Rank(rating string) int { return rank(rating) }

// ExcellentQuota is the most ratings "excellent" a committee may give in a
// category and year when it rates good ones "good" (EVAL-11: ⌊percent ×
// good ÷ 100⌋ under the rule set of the year).
func ExcellentQuota(year, good int) int { return evalSetOf(year).quotaPercent * good / 100 }

// QuotaPercent is EVAL-11's percentage in the rule set of a year.
func QuotaPercent(year int) int { return evalSetOf(year).quotaPercent }

// EvalBasis is the text the ratings of a year were made under (132-QĐ/TW
// 2018–2022, 124-QĐ/TW 2023–2024, 366-QĐ/TW from 2025).
func EvalBasis(year int) string { return evalSetOf(year).basis }

// Scored reports whether the ratings of a year carry a 100-point score
// (366-QĐ/TW, from the 2025 round).
func Scored(year int) bool { return year >= 2025 }
