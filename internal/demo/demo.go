// Package demo builds a deterministic demo province: Bắc Giang, from its
// re-establishment in 1997 through the 2020 and 2025 commune mergers to the
// end of the district level on 2025-07-01 and on to 2026-11-25, as a data
// bundle (bundle-v1) ready to import.
//
// The localities are the real administrative units of Bắc Giang (embedded in
// package vnadmin); the communes that disappeared before 2025 are
// synthesized (see geo_data.go). Every organization, person, post, party
// membership, headcount, evaluation and plan is invented, with Vietnamese
// names and plausible careers, so that the indicators of indicators-v1
// evaluated on 2018-12-31 since 2018-05-30 give the figures F1–F20 of the
// article of the Bắc Giang Organization Board (see README.md in this folder
// for the table). No real person appears.
//
// The same seed always gives the same tables; the figures do not depend on
// the seed, only who holds which post does.
package demo

import (
	"math/rand/v2"

	"github.com/tochuc/tochuc/internal/bundle"
)

// Dates of the demo.
var (
	// AsOf is the date the article's figures describe (the end of 2018).
	AsOf = day("2018-12-31")
	// Since is the date of Plan 47-KH/TU, from which the changes are counted.
	Since = day("2018-05-30")
	// Today is the last day of the demo's history.
	Today = day("2026-11-25")

	today = Today
)

// Ids of the units outside Bắc Giang's own list.
const (
	haBacParty = "VN0-HaBac/TU"
)

// builder holds the demo while it is built.
type builder struct {
	rnd *rand.Rand
	// cadre draws the choices of the cadre work (cadre.go), so that adding
	// to it leaves every other draw, and the golden figures, as they were.
	cadre *rand.Rand
	err   error

	units        []*unit
	byID         map[string]*unit
	people       []*person
	posts        []*post
	restr        []restructure
	docs         []document
	evals        []evaluation
	plans        []plan
	termRows     []termRow
	discs        []disciplineRow
	postEnd      map[*post]string // end reasons decided by the generator (a removal from post)
	memberSucc   map[string]succession
	renameEvents map[string][2]string     // unit id@date → event and document of its rename
	partyEvs     map[*person][]partyEvent // the membership events as emitted (tables), for the party casework

	haBac, prov, newProv *unit
	districts            []*district
	communes             []*commune
	newCommunes          []*newCommune
	newByCode            map[string]*newCommune
	pro                  map[string]*unit // provincial units by key
	newPro               map[string]*unit // the new province's units by key
	enterprises          []*enterprise
	schools              []*unit
	staffPlan            staffPlan
	pcast                *pcast
	seq                  int // for ids of units created by merges
}

// Build builds the demo province for a seed. The result is deterministic:
// the same seed gives the same tables, row for row.
func Build(seed uint64) (bundle.Tables, error) {
	b := build(seed)
	if b.err != nil {
		return nil, b.err
	}
	t := b.tables()
	if b.err != nil {
		return nil, b.err
	}
	if err := addPostQuotas(t); err != nil {
		return nil, err
	}
	return t, nil
}

// build runs the steps of Build and returns the builder.
func build(seed uint64) *builder {
	b := &builder{
		rnd:          rand.New(rand.NewPCG(seed, 0x0024_0018_2018_1231)),
		cadre:        rand.New(rand.NewPCG(seed, 0x0015_2025_2030_0009)),
		byID:         map[string]*unit{},
		memberSucc:   map[string]succession{},
		renameEvents: map[string][2]string{},
		pro:          map[string]*unit{},
		newPro:       map[string]*unit{},
		postEnd:      map[*post]string{},
	}
	steps := []func(){
		b.documents,
		b.geography,
		b.provinceUnits,
		b.districtUnits,
		b.communeUnits,
		b.schoolUnits,
		b.enterpriseUnits,
		b.configure,
		b.provincePosts,
		b.communePosts,
		b.districtPosts,
		b.villages,
		b.enterpriseMembers,
		b.recruitment2018,
		b.restructure2018,
		b.history2020,
		b.secondTerm,
		b.history2025a,
		b.reform2025,
		b.staffing,
		b.evaluationsAndPlans,
	}
	for _, step := range steps {
		if b.err != nil {
			break
		}
		step()
	}
	return b
}
