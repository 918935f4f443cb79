package tochuc

// Person is a cadre, civil servant or party member.
type Person struct {
	ID        string
	FullName  string
	Gender    string
	BirthDate Date
	Ethnicity string
	Religion  string
	DiedOn    Date
}

// AliveOn reports whether the person is alive on d.
func (p Person) AliveOn(d Date) bool { return p.DiedOn == 0 || d < p.DiedOn }

// GenderLabel returns "Nam", "Nữ" or "".
func (p Person) GenderLabel() string {
	switch p.Gender {
	case "male":
		return "Nam"
	case "female":
		return "Nữ"
	}
	return ""
}

// Qualification is a level of education or political theory obtained on a date (0 = always held).
type Qualification struct {
	Kind       string
	Level      string
	ObtainedOn Date
}

// LevelAt returns the highest level of a kind obtained on or before d, or "".
func LevelAt(qs []Qualification, kind string, d Date) string {
	best, rank := "", 0
	for _, q := range qs {
		if q.Kind != kind || (q.ObtainedOn != 0 && q.ObtainedOn > d) {
			continue
		}
		if r, ok := LevelRank(kind, q.Level); ok && r > rank {
			best, rank = q.Level, r
		}
	}
	return best
}

// Evaluation is an annual rating of a unit or a person.
type Evaluation struct {
	Year        int
	SubjectType string
	SubjectID   string
	Category    string
	Rating      string
	RatedByID   string
	DecidedOn   Date
}

// Plan is a person's place in a cadre plan for a post.
type Plan struct {
	Term          string
	UnitID        string
	Role          string
	PersonID      string
	AddedOn       Date
	RemovedOn     Date
	RemovalReason string
	DocumentID    string
}

// Document is a directive or decision document.
type Document struct {
	ID         string
	Number     string
	Kind       string
	IssuerID   string
	IssuedOn   Date
	Title      string
	ReplacesID string
}

// Headcount is a unit's staffing figure from a date on.
type Headcount struct {
	UnitID string
	Date   Date
	Actual int
	Quota  int // 0 when not given
}

// PersonFile is everything the registry holds about a person (the summary of
// the personnel record): qualifications, membership events, posts,
// evaluations and plans, each oldest first.
type PersonFile struct {
	Person
	Qualifications []Qualification
	Events         []MembershipEvent
	Assignments    []Assignment
	Evaluations    []Evaluation
	Plans          []Plan
}
