package tochuc

// Person is a cadre, civil servant or party member.
type Person struct {
	ID        string `json:"id"`
	FullName  string `json:"full_name"`
	Gender    string `json:"gender,omitempty"`
	BirthDate Date   `json:"birth_date,omitempty"`
	Ethnicity string `json:"ethnicity,omitempty"`
	Religion  string `json:"religion,omitempty"`
	DiedOn    Date   `json:"died_on,omitempty"`
	// The personal record (bundle-v1 amendment 1).
	CitizenID        string `json:"citizen_id,omitempty"`
	Birthplace       string `json:"birthplace,omitempty"`
	Hometown         string `json:"hometown,omitempty"`
	Residence        string `json:"residence,omitempty"`
	GeneralEducation string `json:"general_education,omitempty"`
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
	Kind       string `json:"kind"`
	Level      string `json:"level"`
	ObtainedOn Date   `json:"obtained_on,omitempty"`
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
	Year        int    `json:"year"`
	SubjectType string `json:"subject_type"`
	SubjectID   string `json:"subject_id"`
	Category    string `json:"category"`
	Rating      string `json:"rating"`
	RatedByID   string `json:"rated_by_id,omitempty"`
	DecidedOn   Date   `json:"decided_on,omitempty"`
	// bundle-v1 amendment 1
	Period string `json:"period"`          // EvaluationPeriods ("year")
	Score  *int   `json:"score,omitempty"` // 0–100 (366-QĐ/TW), nil when not scored
	Status string `json:"status"`          // EvaluationStatuses ("decided")
}

// Discipline is a disciplinary decision on a person or a unit (bundle-v1
// amendment 1's discipline.csv).
type Discipline struct {
	SubjectType string `json:"subject_type"`
	SubjectID   string `json:"subject_id"`
	Form        string `json:"form"` // DisciplineForms
	Date        Date   `json:"date"`
	AuthorityID string `json:"authority_id,omitempty"`
	DocumentID  string `json:"document_id,omitempty"`
	Reason      string `json:"reason,omitempty"`
}

// Plan is a person's place in a cadre plan for a post.
type Plan struct {
	Term          string `json:"term"`
	UnitID        string `json:"unit_id"`
	Role          string `json:"role"`
	PersonID      string `json:"person_id"`
	AddedOn       Date   `json:"added_on"`
	RemovedOn     Date   `json:"removed_on,omitempty"`
	RemovalReason string `json:"removal_reason,omitempty"`
	DocumentID    string `json:"document_id,omitempty"`
}

// Document is a directive or decision document.
type Document struct {
	ID         string `json:"id"`
	Number     string `json:"number"`
	Kind       string `json:"kind"`
	IssuerID   string `json:"issuer_id,omitempty"`
	IssuedOn   Date   `json:"issued_on"`
	Title      string `json:"title"`
	ReplacesID string `json:"replaces_id,omitempty"`
	// bundle-v1 amendment 3: the days it applies (0: from its issue date; open)
	EffectiveOn Date `json:"effective_on,omitempty"`
	ExpiresOn   Date `json:"expires_on,omitempty"`
}

// Effective is the day a document takes effect: its effective_on, else its issue date.
func (d Document) Effective() Date {
	if d.EffectiveOn != 0 {
		return d.EffectiveOn
	}
	return d.IssuedOn
}

// Headcount is a unit's staffing figure from a date on.
type Headcount struct {
	UnitID string `json:"unit_id"`
	Date   Date   `json:"date"`
	Actual int    `json:"actual"`
	Quota  int    `json:"quota,omitempty"` // 0 when not given
}

// PersonFile is everything the registry holds about a person (the summary of
// the personnel record): qualifications, membership events, posts,
// evaluations and plans, each oldest first.
type PersonFile struct {
	Person
	Qualifications []Qualification   `json:"qualifications"`
	Events         []MembershipEvent `json:"party_events"`
	Assignments    []Assignment      `json:"assignments"`
	Evaluations    []Evaluation      `json:"evaluations"`
	Plans          []Plan            `json:"plans"`
	Discipline     []Discipline      `json:"discipline"`
}
