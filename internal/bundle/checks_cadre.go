package bundle

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// TermTarget is a Target that tells the terms of office it holds, so that a
// plan's term is checked against them (bundle targets without it check
// plans against the bundle's own terms only).
type TermTarget interface {
	// Terms calls fn with the code of each term held now (one call per level).
	Terms(ctx context.Context, fn func(term string) error) error
}

// cadreState is what the checks of cadre work keep: the terms of office
// known (bundle and registry) and the bundle's expulsions, to match them
// with party events.
type cadreState struct {
	terms       map[string]bool
	termsLoaded bool
	expulsions  []expulsion
}

// loadTerms reads the held terms once, before the plans are read.
func (im *importer) loadTerms(ctx context.Context) error {
	if im.cadre.termsLoaded {
		return nil
	}
	im.cadre.termsLoaded = true
	if im.cadre.terms == nil {
		im.cadre.terms = map[string]bool{}
	}
	tt, ok := im.tgt.(TermTarget)
	if !ok {
		return nil
	}
	return tt.Terms(ctx, func(term string) error {
		im.cadre.terms[strings.Clone(term)] = true
		return nil
	})
}

// checkTerm checks a row of terms.csv: it ends after it starts.
func (im *importer) checkTerm(rec *Record) {
	if im.cadre.terms == nil {
		im.cadre.terms = map[string]bool{}
	}
	im.cadre.terms[strings.Clone(rec.Str("term"))] = true
	im.checkPeriod(rec, "starts_on", "ends_on")
}

// checkPlan checks a row of plans.csv: its period, and its term among the
// terms of office once the bundle or the registry holds any (PLAN-10).
func (im *importer) checkPlan(rec *Record) {
	im.checkPeriod(rec, "added_on", "removed_on")
	term := rec.Str("term")
	if len(im.cadre.terms) > 0 && term != "" && !im.cadre.terms[term] {
		im.errAt(rec, "term", fmt.Sprintf("nhiệm kỳ '%s' không có trong danh mục nhiệm kỳ (terms.csv)", term),
			fmt.Sprintf("term '%s' is not among the terms of office (terms.csv)", term))
	}
}

// checkEvaluationScore warns of a rating that disagrees with the band of
// its 100-point score (366-QĐ/TW: ≥ 90 excellent, 70–89 good, 50–69
// complete, < 50 incomplete); other conditions may lower a rating, so it is
// a warning.
func (im *importer) checkEvaluationScore(rec *Record) {
	score, ok := rec.Vals[rec.File.Index("score")].(int64)
	if !ok {
		return
	}
	band := tochuc.ScoreBand(int(score))
	if r := rec.Str("rating"); r != "" && r != band {
		im.warnAt(rec, "rating", fmt.Sprintf("xếp loại '%s' khác mức của điểm %d ('%s')",
			tochuc.Label("rating", r), score, tochuc.Label("rating", band)),
			fmt.Sprintf("rating %s disagrees with the band of score %d (%s)", r, score, band))
	}
}

// expulsion is a discipline row of expulsion of a person, matched at the
// end with the person's party events.
type expulsion struct {
	person string
	date   tochuc.Date
	line   int
}

// checkDiscipline checks a row of discipline.csv: a dissolution is of a
// unit, a dismissal or removal from post of a person; an expulsion of a
// person is kept to be matched with an expelled event.
func (im *importer) checkDiscipline(rec *Record) {
	subject, form := rec.Str("subject_type"), rec.Str("form")
	switch {
	case form == "dissolution" && subject != "unit":
		im.errAt(rec, "form", "hình thức giải tán chỉ áp dụng cho tổ chức", "dissolution applies to units only")
	case (form == "dismissal" || form == "removal_from_post" || form == "expulsion") && subject != "person":
		im.errAt(rec, "form", "hình thức '"+tochuc.Label("discipline_form", form)+"' chỉ áp dụng cho cá nhân",
			"form "+form+" applies to persons only")
	case form == "expulsion":
		im.cadre.expulsions = append(im.cadre.expulsions, expulsion{strings.Clone(rec.Str("subject_id")), rec.Date("date"), rec.Line})
	}
}

// checkExpulsions warns of an expulsion that no expelled event of the same
// date (in the bundle or held) agrees with.
func (im *importer) checkExpulsions(ctx context.Context) error {
	list := im.cadre.expulsions
	if len(list) == 0 {
		return nil
	}
	expelled := map[expulsion]bool{}
	var ids []string
	for _, x := range list {
		p, ok := im.people[x.person]
		if !ok {
			continue
		}
		for i := p.last; i >= 0; i = im.evs[i].prev {
			if tochuc.PartyEvents[im.evs[i].event] == tochuc.EventExpelled {
				expelled[expulsion{x.person, im.evs[i].date, 0}] = true
			}
		}
		ids = append(ids, x.person)
	}
	for batch := range slices.Chunk(ids, partyBatch) {
		err := im.tgt.PartyEvents(ctx, batch, func(id string, _ int, e tochuc.MembershipEvent) error {
			if e.Event == tochuc.EventExpelled {
				expelled[expulsion{id, e.Date, 0}] = true
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("load party events: %w", err)
		}
	}
	for _, x := range list {
		if !expelled[expulsion{x.person, x.date, 0}] {
			im.iss.add(Issue{File: im.loc, Line: x.line, Column: "form", Warning: true,
				Vi: "kỷ luật khai trừ ngày " + x.date.Vietnamese() + " không có sự kiện khai trừ (expelled) cùng ngày trong biến động đảng viên",
				En: "expulsion on " + x.date.String() + " has no expelled party event on the same date"})
		}
	}
	return nil
}
