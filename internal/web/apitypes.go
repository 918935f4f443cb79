package web

import (
	"time"

	"github.com/tochuc/tochuc/internal/app"
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/check"
	"github.com/tochuc/tochuc/internal/indicator"
	"github.com/tochuc/tochuc/internal/restructure"
	"github.com/tochuc/tochuc/internal/sqldb"
	"github.com/tochuc/tochuc/internal/tochuc"
)

// The types of this file are the public JSON API: every /api/v1 route answers
// one of them (the OpenAPI document is generated from them, openapi.go). A
// page's template gets a struct that embeds its API type and adds what only
// the page needs (links the user may follow, filters), so that a template
// field never changes the API. Keys are snake_case, dates yyyy-mm-dd, and a
// list that is not marked omitempty is [] when empty, never null (apiValue).

// apiPage is the body of every page's API twin: the date the page shows and its data.
type apiPage struct {
	AsOf tochuc.Date `json:"as_of"`
	Data any         `json:"data"`
}

// listInfo is the paging of every list: the rows matching, the page asked
// for (a page past the end is empty and keeps the total), and the links to
// the pages around it.
type listInfo struct {
	Total    int    `json:"total"`
	Page     int    `json:"page"`
	PageSize int    `json:"page_size"`
	Pages    int    `json:"pages"`
	Next     string `json:"next,omitempty"`
	Prev     string `json:"prev,omitempty"`
	First    string `json:"first,omitempty"` // from a later page
	// More is set when the list holds more rows than it counted (Total is
	// then the cap, countCap): it pages on while its pages are full.
	More bool `json:"more,omitempty"`
}

// unitList is a page of the units existing on the date (GET /api/v1/units).
type unitList struct {
	Items []tochuc.Unit `json:"items"`
	listInfo
}

// personList is a page of people (GET /api/v1/people).
type personList struct {
	Items []tochuc.Person `json:"items"`
	listInfo
}

// documentList is a page of the documents issued by the date (GET /api/v1/documents).
type documentList struct {
	Items       []tochuc.Document `json:"items"`
	IssuerNames map[string]string `json:"issuer_names"`
	listInfo
}

// documentView is a document's page (GET /api/v1/documents/{id}): the
// document, its status on the date (in_force, not_yet, expired, replaced),
// its chain of replacements both ways (the nearest first), its tasks with
// their status on the date, its targets, its files and the restructurings
// and posts that cite it (each part at most 200 rows; tasks, restructurings
// and posts those of the account's scope).
type documentView struct {
	Document     tochuc.Document          `json:"document"`
	Status       string                   `json:"status"`
	StatusLabel  string                   `json:"status_label"`
	ReplacedOn   tochuc.Date              `json:"replaced_on,omitempty"`
	Replaces     []tochuc.Document        `json:"replaces"`
	ReplacedBy   []tochuc.Document        `json:"replaced_by"`
	Tasks        []docTask                `json:"tasks"`
	Targets      []docTarget              `json:"targets"`
	Files        []docFile                `json:"files"`
	Restructures []tochuc.RestructureLink `json:"restructures"`
	Posts        []tochuc.Assignment      `json:"posts"`
	UnitNames    map[string]string        `json:"unit_names"`
	PersonNames  map[string]string        `json:"person_names"`
}

// auditList is a page of the audit log, newest first (GET /api/v1/audit).
type auditList struct {
	Items []auditItem `json:"items"`
	listInfo
}

// unitRow is a unit in a list of the tree, with its kind's label on the date
// and the number of its children.
type unitRow struct {
	tochuc.Unit
	KindName string `json:"kind_label"`
	Children int    `json:"children"`
	// The children, for the units at the top of the tree (expanded in place).
	Kids []unitRow `json:"sub_units,omitempty"`
}

// treeView is the organization tree (GET /api/v1/tree): the lines of the
// tree with a page of the units at their top (nhanh: one line only), and
// the count of each kind on the date; or, for one unit (don_vi), its path
// from the top and a page of its children (one line).
type treeView struct {
	Lines  []treeLine  `json:"lines"`
	Counts []kindCount `json:"counts,omitempty"`
	Line   int         `json:"line,omitempty"` // the line asked for (nhanh), from 1
	Focus  *unitRow    `json:"unit,omitempty"` // the unit asked for (don_vi)
	Path   []unitRow   `json:"path,omitempty"` // the units above it, from the top
}

// treeLine is one line of the tree, or the children of the unit asked for.
type treeLine struct {
	Label string    `json:"label"`
	Index int       `json:"index,omitempty"` // for nhanh
	Units []unitRow `json:"units"`
	Page  listInfo  `json:"page"`
}

// kindCount is the number of units of a kind on the date.
type kindCount struct {
	Kind  string `json:"kind"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// childrenView is the units directly under one unit on a date
// (GET /api/v1/units/{id}/children).
type childrenView struct {
	ParentID string    `json:"parent_id"`
	Units    []unitRow `json:"units"`
	listInfo
}

// unitView is a unit on a date (GET /api/v1/units/{id}): its version on the
// date (or its last one, exists false), all its versions, its lineage
// through restructurings, posts and holders, members, headcount, documents
// and children, with the names of the people and units referred to.
type unitView struct {
	Unit        tochuc.Unit              `json:"unit"`
	Exists      bool                     `json:"exists"`
	Parent      *tochuc.Unit             `json:"parent,omitempty"`
	Versions    []tochuc.Unit            `json:"versions"`
	Lineage     []tochuc.RestructureLink `json:"lineage"`
	Posts       []tochuc.Assignment      `json:"posts"`
	Members     []string                 `json:"members"`              // a page of the party members (?trang=), by given name
	MemberList  []sqldb.PageMember       `json:"member_list"`          // the same page: each member's status and organization
	MembersPage listInfo                 `json:"members_page"`         // the paging of the members
	PartyAges   map[string]int           `json:"party_ages,omitempty"` // the members' party age in completed years on the date (PM-07)
	Headcounts  []tochuc.Headcount       `json:"headcounts"`
	Documents   []tochuc.Document        `json:"documents"`
	Children    []unitRow                `json:"children"`
	PersonNames map[string]string        `json:"person_names"`
	UnitNames   map[string]string        `json:"unit_names"`
	Findings    subjectFindings          `json:"findings"` // the rule checks' findings about the unit on the date
}

// personView is a person's file as known on a date (GET /api/v1/people/{id}).
type personView struct {
	tochuc.PersonFile
	Age        int               `json:"age,omitempty"` // full years on the date; omitted when the birth date is not known
	Education  string            `json:"education,omitempty"`
	Theory     string            `json:"political_theory,omitempty"`
	Membership tochuc.Membership `json:"membership"`
	AdmittedOn tochuc.Date       `json:"party_admitted_on,omitempty"` // the (last) admission to the party, on the date
	OfficialOn tochuc.Date       `json:"party_official_on,omitempty"` // official member from, after that admission
	UnitNames  map[string]string `json:"unit_names"`
	Findings   subjectFindings   `json:"findings"` // the rule checks' findings about the person on the date
	// Party is the member's party record (cards, badges, temporary attendance, ceremony, introducers, dues).
	Party *partyView `json:"party,omitempty"`
}

// partyView is a member's party record on the person's page.
type partyView struct {
	sqldb.PersonParty
	// AgeYears is the party age in completed years on the date (PM-07, amendment 1).
	AgeYears *int `json:"party_age_years,omitempty"`
	// DuesSettled, DuesBehind: the last month counted as paid and the months since (app.DuesStatus).
	DuesSettled string `json:"dues_settled_month,omitempty"`
	DuesBehind  int    `json:"dues_months_behind"`
	DuesExempt  bool   `json:"dues_exempt"`
	// Names are the names of the introducers.
	Names map[string]string `json:"introducer_names,omitempty"`
}

// reportView is the indicators on a date (GET /api/v1/report).
type reportView struct {
	indicator.Result
	// Missing is set when the scope unit does not exist on the date: no figures then.
	Missing string `json:"missing,omitempty"`
}

// explainView is the records behind an indicator (GET /api/v1/report/{id}).
type explainView struct {
	indicator.Explanation        // Items: a page of the records, in their order
	Persons               bool   `json:"persons"` // the records are people (else units)
	Counted               int    `json:"counted"` // how many of the records are counted in the value (0 when More)
	Missing               string `json:"missing,omitempty"`
	Downloads             []link `json:"-"` // every record, as CSV or a workbook
	// Share is set when the records are the `of` of a share: Counted marks those in the value.
	Share bool `json:"share"`
	// Changes, with a comparison date (stock indicators): the records that entered and left since then.
	Changes *changeList `json:"changes,omitempty"`
	Back    string      `json:"-"` // the dashboard of the same date, comparison date and scope
	// Details are what makes each record of the page count, by id.
	Details map[string]indicator.Detail `json:"details,omitempty"`
	// Shape says which details the page shows: person, both (holders of two
	// posts), has (a locality's units or holders), unit.
	Shape string `json:"-"`
	// Sorts are the addresses of the page sorted each way it can be, by ?xep_theo= value ("": by group and code).
	Sorts map[string]string `json:"-"`
	// Sorted is the ?xep_theo= the page is sorted by.
	Sorted string `json:"-"`
	listInfo
}

// compareView is what changed between two dates (GET /api/v1/compare): the
// count of every section and a page of rows of each section shown, with the
// names of the people and units on those pages.
type compareView struct {
	From        tochuc.Date         `json:"from"`
	To          tochuc.Date         `json:"to"`
	Counts      sqldb.CompareCounts `json:"counts"`
	Sections    []compareSection    `json:"sections"`
	UnitNames   map[string]string   `json:"unit_names"`
	PersonNames map[string]string   `json:"person_names"`
}

// compareSection is one page of a section. A page past the end has no rows
// and keeps its number and the total.
type compareSection struct {
	Key   string `json:"section"`
	Param string `json:"param"` // the value of ?phan= that pages through it
	Label string `json:"label"`
	listInfo
	sqldb.ComparePage
}

// importJobView is an import: its progress, then its report (GET /api/v1/imports/{id}).
type importJobView struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Phase string `json:"phase" enum:"checking,checked,importing,done,failed"`
	// PhaseLabel names the phase in Vietnamese.
	PhaseLabel string         `json:"phase_label"`
	File       string         `json:"file,omitempty"` // the file being read
	Rows       int            `json:"rows"`           // the rows read of it
	Done       int            `json:"done"`           // the rows read of the whole bundle
	Total      int            `json:"total"`          // the rows of the bundle (0 while they are counted)
	Percent    int            `json:"percent"`        // done of total, in whole percent
	Report     *bundle.Report `json:"report,omitempty"`
	Error      string         `json:"error,omitempty"`
}

// findingList is a page of the rule checks' findings on the date in the
// account's scope (GET /api/v1/checks): the count of every rule with
// findings, then the findings that pass the filters.
type findingList struct {
	Scope string        `json:"scope,omitempty"`
	Rules []ruleCount   `json:"rules"`
	Items []findingView `json:"items"`
	listInfo
}

// jobAccepted answers a started import or commit (202): where to follow it.
type jobAccepted struct {
	ID        string `json:"id"`
	StatusURL string `json:"status_url"`
}

// recordView is a record as the API gives it for editing (GET /api/v1/records/{file}).
type recordView struct {
	File    string            `json:"file"`
	New     bool              `json:"new"` // no such record: the values prefilled for a new one
	Version string            `json:"version"`
	Values  map[string]string `json:"values"`
}

// editResult answers an edit that was recorded (POST /api/v1/records/{file}).
type editResult struct {
	OK        bool                `json:"ok"`
	ChangeSet int64               `json:"change_set"`
	Files     []bundle.FileReport `json:"files"`
	// FindingsAdded are what the rule checks find after the edit and did not before.
	FindingsAdded []check.Finding `json:"findings_added"`
}

// pickList is what a picker offers for what was typed (GET /api/v1/pick).
type pickList struct {
	Items []pickItem `json:"items"`
}

// pickItem is one choice of a picker: the code to enter, the name to read
// and what tells it apart from others of the same name.
type pickItem struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Detail string `json:"detail,omitempty"`
}

// appointmentList is a page of a list of the appointments workplace (GET /api/v1/appointments).
type appointmentList struct {
	List  string                `json:"list"`
	Scope string                `json:"scope,omitempty"`
	Items []app.AppointmentLine `json:"items"`
	listInfo
}

// disciplineList is a page of the register of discipline (GET /api/v1/discipline): confidential.
type disciplineList struct {
	Items []app.DisciplineLine `json:"items"`
	listInfo
}

// termList is the terms of office held (GET /api/v1/terms), latest first.
type termList struct {
	Items []tochuc.TermRow `json:"items"`
}

// planItem is a plan row of the plans list, with its person's name and its
// version (for an edit through /api/v1/records/plans).
type planItem struct {
	tochuc.Plan
	FullName string `json:"full_name"`
	Version  string `json:"version"`
}

// planList is a page of plan rows (GET /api/v1/plans), by term, unit,
// role, person; Next links the next page while More.
type planList struct {
	Items []planItem `json:"items"`
	Page  int        `json:"page"`
	More  bool       `json:"more,omitempty"`
	Next  string     `json:"next,omitempty"`
}

// planMatrix is a unit's plan for a term: its posts with their nominees,
// and the structure of the plan in a scope (PLAN-06).
type planMatrix struct {
	Term           string                  `json:"term"`
	TermLabel      string                  `json:"-"`
	Unit           *tochuc.Unit            `json:"unit,omitempty"`
	Level          string                  `json:"level,omitempty"`
	Start          tochuc.Date             `json:"term_start,omitempty"`
	StartFromTerms bool                    `json:"term_start_from_terms"`
	Posts          []planPost              `json:"posts"`
	Structure      []tochuc.StructureShare `json:"structure"`
	StructureScope string                  `json:"structure_scope"`
	StructureStart tochuc.Date             `json:"structure_start,omitempty"`
	StructureRows  int                     `json:"-"`
}

// personLink is a person named with a link.
type personLink struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// planPost is a post of the matrix: who holds it, who is planned for it,
// its gap (no nominee, fewer than 2) and its PLAN-02 findings.
type planPost struct {
	Role     string        `json:"role"`
	Label    string        `json:"label"`
	Holders  []personLink  `json:"holders"`
	Nominees []planNominee `json:"nominees"`
	Gap      string        `json:"gap,omitempty"`
	Findings []string      `json:"findings"`
}

// planNominee is a nominee of a post: age and months to retirement at the
// term's start, qualifications, party age, current post, findings
// (PLAN-01/03/05) and fit to the post's standard (APPT-12).
type planNominee struct {
	PersonID    string                 `json:"person_id"`
	Name        string                 `json:"full_name"`
	Gender      string                 `json:"gender,omitempty"`
	Ethnicity   string                 `json:"ethnicity,omitempty"`
	BirthYear   int                    `json:"birth_year,omitempty"`
	Age         *int                   `json:"age_at_start,omitempty"`
	MonthsLeft  *int                   `json:"months_left_at_start,omitempty"`
	Education   string                 `json:"education,omitempty"`
	Theory      string                 `json:"political_theory,omitempty"`
	PartyYears  *int                   `json:"party_years_at_start,omitempty"`
	CurrentPost string                 `json:"current_post,omitempty"`
	AddedOn     tochuc.Date            `json:"added_on"`
	DocumentID  string                 `json:"document_id,omitempty"`
	Version     string                 `json:"version"`
	Findings    []string               `json:"findings"`
	Standard    string                 `json:"standard,omitempty"`
	Fit         []tochuc.StandardCheck `json:"fit"`
	FitGaps     int                    `json:"fit_gaps"`
	facts       tochuc.NomineeFacts
}

// evaluationList is a page of ratings (GET /api/v1/evaluations; confidential).
type evaluationList struct {
	Items []sqldb.EvalRow `json:"items"`
	listInfo
}

// evalHistoryView is a page of the history of ratings (GET /api/v1/evaluations/history; confidential).
type evalHistoryView struct {
	*app.EvalHistory
	listInfo
}

// evalSummaryView is the summary of ratings by level (GET /api/v1/evaluations/summary; confidential).
type evalSummaryView struct {
	*app.EvalSummary
}

// duesList is a page of a dues list of a party organization (GET
// /api/v1/dues: a month's payments; GET /api/v1/dues/behind: members behind
// by more than three months).
type duesList struct {
	Unit     string         `json:"unit_id"`
	UnitName string         `json:"unit_name"`
	Month    string         `json:"month,omitempty"`
	Items    []app.DuesItem `json:"items"`
	listInfo
}

// partyStatsView is the report (GET /api/v1/party-stats).
type partyStatsView struct {
	AsOf   string           `json:"as_of"`
	Since  string           `json:"since"` // the start of the period (the comparison date)
	Scope  *indicator.Scope `json:"scope"`
	Tables []statTable      `json:"tables"`
	// Movement is the period's: start + in − out (+ other) = end.
	Movement statMovement `json:"movement"`
	Missing  string       `json:"missing,omitempty"`
}

// statTable is one table of the report: the members by one breakdown.
type statTable struct {
	Title string    `json:"title"`
	Rows  []statRow `json:"rows"`
}

// statRow is one line of a table: a figure of a catalog indicator (of one
// of its parts), its share of the members and the page of its names.
type statRow struct {
	Label     string   `json:"label"`
	Indicator string   `json:"indicator,omitempty"`
	Part      string   `json:"part,omitempty"`
	Value     int      `json:"value"`
	Share     *float64 `json:"share,omitempty"`
	Link      string   `json:"link,omitempty"`
	Level     int      `json:"-"` // 0: a total, 1: a part of it
}

// statMovement is the period's movement of members.
type statMovement struct {
	Start      int       `json:"start"`
	In         int       `json:"in"`
	Out        int       `json:"out"`
	End        int       `json:"end"`
	Other      int       `json:"other"` // end − (start + in − out): members moved with their organization, not by an event
	Recognized int       `json:"recognized"`
	Rows       []statRow `json:"rows"`
}

// dueList is the list (GET /api/v1/casework/due).
type dueList struct {
	Kind   string         `json:"kind"`
	Scope  string         `json:"scope"`
	Counts map[string]int `json:"counts"`
	Items  []app.DueItem  `json:"items"`
	listInfo
}

// taskList is the tasks directive documents assign, with their status on
// the date (GET /api/v1/tasks; bundle-v1 amendment 3's objects).
type taskList struct {
	AsOf   string         `json:"as_of"`
	Scope  string         `json:"scope"`
	Status string         `json:"status"` // den_han, tat_ca or a task status
	Counts map[string]int `json:"counts"` // by status, the filter aside
	Tasks  []app.TaskItem `json:"tasks"`
	listInfo
}

// targetList is the targets evaluated on the date (GET /api/v1/targets,
// GET /api/v1/documents/{id}/targets; bundle-v1 amendment 3's objects).
type targetList struct {
	AsOf       string           `json:"as_of"`
	DocumentID string           `json:"document_id,omitempty"`
	Targets    []app.TargetItem `json:"targets"`
}

// draftItem is a restructuring draft as lists and the API show it.
type draftItem struct {
	ID          int64     `json:"id"`
	Name        string    `json:"name"`
	ScopeUnitID string    `json:"scope_unit_id,omitempty"`
	ScopeName   string    `json:"scope_name,omitempty"`
	Units       []string  `json:"units"`
	CreatedBy   string    `json:"created_by"`
	UpdatedBy   string    `json:"updated_by"`
	UpdatedAt   time.Time `json:"updated_at"`
	Version     int       `json:"version"`
	Status      string    `json:"status"` // draft, adopted
	ChangeSet   int64     `json:"change_set,omitempty"`
	DocumentID  string    `json:"document_id,omitempty"`
	Date        string    `json:"date"` // its effective date (yyyy-mm-dd)
	// Operations are the operations as entered (the wizard's fields).
	Operations []restructure.Input `json:"operations"`
}

// draftList is a page of drafts (GET /api/v1/restructure-drafts).
type draftList struct {
	Items []draftItem `json:"items"`
	Page  int         `json:"page"`
	More  bool        `json:"more"`
}

// figureRow is one indicator before and after a draft.
type figureRow struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Before  int    `json:"before"`
	After   int    `json:"after"`
	Ratio   string `json:"-"` // "63,1 % → 60,2 %" for a share
	Diff    int    `json:"diff"`
	Changed bool   `json:"changed"`
}

// draftView is a draft with its quotas and figures (GET /api/v1/restructure-drafts/{id}).
type draftView struct {
	Draft   draftItem      `json:"draft"`
	Changes []string       `json:"changes"`
	Issues  []bundle.Issue `json:"issues,omitempty"` // the checks refusing the draft as it stands
	Quotas  []quotaView    `json:"quotas"`
	Figures []figureRow    `json:"figures"`
}

// quotaView is a post of a unit after a draft against its quota.
type quotaView struct {
	UnitID     string       `json:"unit_id"`
	UnitName   string       `json:"unit_name"`
	Role       string       `json:"role"`
	Max        int          `json:"max_holders"` // -1: no quota held
	LegalBasis string       `json:"legal_basis,omitempty"`
	Surplus    int          `json:"surplus"`
	Holders    []holderView `json:"holders"`
}

// holderView is a holder of a post, as a surplus list shows them.
type holderView struct {
	PersonID   string      `json:"person_id"`
	Name       string      `json:"full_name"`
	Age        int         `json:"age"` // -1 without a birth date
	RetiresOn  tochuc.Date `json:"retires_on,omitempty"`
	MonthsLeft int         `json:"months_to_retirement"`
	Education  string      `json:"education,omitempty"`
	Theory     string      `json:"political_theory,omitempty"`
}
