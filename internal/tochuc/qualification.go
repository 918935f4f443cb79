package tochuc

// Qualification kinds of bundle-v1.
const (
	QualEducation       = "education"
	QualPoliticalTheory = "political_theory"
)

// qualificationLevels ranks the levels of each qualification kind (higher is more).
var qualificationLevels = map[string]map[string]int{
	QualEducation: {"primary_vocational": 1, "intermediate": 2, "college": 3, "university": 4,
		"master": 5, "doctor": 6},
	QualPoliticalTheory: {"elementary": 1, "intermediate": 2, "advanced": 3, "bachelor": 3},
}

// QualificationKinds returns the known qualification kinds.
func QualificationKinds() []string { return []string{QualEducation, QualPoliticalTheory} }

// LevelRank returns the rank of a level within its kind, and whether both are known.
func LevelRank(kind, level string) (int, bool) {
	levels, ok := qualificationLevels[kind]
	if !ok {
		return 0, false
	}
	r, ok := levels[level]
	return r, ok
}
