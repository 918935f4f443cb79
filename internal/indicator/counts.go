package indicator

// Count says what an indicator counts, in the registry's words; the Engine
// turns it into a query. It is one of the types of this file.
type Count interface{ isCount() }

// Units counts the units of a kind existing on the date in the scope.
type Units struct{ Kind string }

// Staff adds up, for the units existing on the date in the scope, their
// latest headcount on or before the date, by sector (an internal division
// without one takes its parent's).
type Staff struct{}

// Post is a role held in a unit of one of the kinds that its locality set
// up itself (not in a host unit).
type Post struct {
	Role  string
	Kinds []string
}

// BothPosts counts, among the localities of a kind existing on the date in
// the scope, those where one living person holds both posts.
type BothPosts struct {
	Locality      string
	First, Second Post
}

// LocalityHas counts, among the localities of a kind existing on the date in
// the scope, those with a unit of their own of UnitKind, and when Role is
// set, a living person holding Role in it.
type LocalityHas struct{ Locality, UnitKind, Role string }

// Qualification is a kind of qualification (tochuc.QualEducation …) at a
// level or higher.
type Qualification struct{ Kind, Level string }

// Recruited counts the persons recruited in (since, date] into a unit of a
// locality of a kind, holding the qualification on that day; the units,
// the locality and the scope as they stand on the day of the recruitment.
type Recruited struct {
	Locality string
	AtLeast  Qualification
}

// KeyCadres counts the distinct living persons holding one of the posts in
// a unit of a locality of a kind on the date: all of them, or those holding
// AtLeast when set.
type KeyCadres struct {
	Locality string
	Posts    []KeyPost
	AtLeast  *Qualification
}

// KeyPost is one of the roles in a unit of one of the kinds.
type KeyPost struct{ Roles, Kinds []string }

// PostMembers counts, among the living persons holding Role in a unit of
// UnitKind on the date in the scope, the party members.
type PostMembers struct{ UnitKind, Role string }

// HostedOrgs counts the party organizations of the kinds existing on the
// date in the scope, set up in an enterprise of non-state ownership, by kind.
type HostedOrgs struct{ Kinds []string }

// HostedMembers counts the party members registered on the date in one of
// the HostedOrgs or in an organization under one of them.
type HostedMembers struct{ Kinds []string }

// Members counts the party members on the date whose organization is in the
// scope, probationary or official.
type Members struct{}

// MemberTraits counts the party members on the date whose organization is
// in the scope (as Members), by one trait of theirs on the date (a Trait…).
type MemberTraits struct{ Trait string }

// The traits MemberTraits breaks members down by.
const (
	TraitGender    = "gender"    // GenderParts
	TraitAge       = "age"       // AgeParts: completed years on the date
	TraitEthnicity = "ethnicity" // EthnicityParts: Kinh without case or diacritics, any other, none
	TraitReligious = "religious" // no parts: those with a religion
	TraitEducation = "education" // EducationParts: the highest level obtained on or before the date
	TraitTheory    = "theory"    // TheoryParts: the highest political theory level (advanced = bachelor)
)

// PartyFlow counts the party events of a kind in (since, date] that move
// members into or out of the scope, each event once (a person with two
// such events counts twice, so that the stocks balance).
type PartyFlow struct{ Kind string }

// The kinds of PartyFlow.
const (
	// FlowAdmitted: admitted events whose organization is in the scope on the event's date.
	FlowAdmitted = "admitted"
	// FlowRecognized: recognized events of members whose organization was in the scope the day before.
	FlowRecognized = "recognized"
	// FlowTransferredIn: transferred_in events into the scope, and transferred
	// events into it from an organization outside it the day before.
	FlowTransferredIn = "transferred_in"
	// FlowLosses: removed, expelled, died, transferred_out events of members in
	// the scope the day before, transferred events leaving it (transferred_out),
	// and deaths (people.died_on) without a died event by then of members in the scope the day before (died).
	FlowLosses = "losses"
)

func (MemberTraits) isCount()  {}
func (PartyFlow) isCount()     {}
func (Units) isCount()         {}
func (Staff) isCount()         {}
func (BothPosts) isCount()     {}
func (LocalityHas) isCount()   {}
func (Recruited) isCount()     {}
func (KeyCadres) isCount()     {}
func (PostMembers) isCount()   {}
func (HostedOrgs) isCount()    {}
func (HostedMembers) isCount() {}
func (Members) isCount()       {}
