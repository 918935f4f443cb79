package bundle

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// HeldTarget is a Target that tells what it held before the import of the
// records of a file whose column col has one of the values given, so that
// a check can compare the bundle with them (a card number held for another
// person, a badge already awarded). Targets without it skip those checks.
type HeldTarget interface {
	// Held calls fn with the values of cols (dates as yyyy-mm-dd, "" for
	// empty) of each record of file held now whose column col is one of
	// vals, not counting those the import itself wrote; with replaced, also
	// those the import replaced or retracted (the records as held before it).
	Held(ctx context.Context, file, col string, vals, cols []string, replaced bool, fn func(row []string) error) error
}

// caseworkState is what the checks of the party casework records keep
// until every file is read: the rows whose checks need the membership of
// a person (in the bundle or held), each with its file's location.
type caseworkState struct {
	intros []introCheck
	temps  []spanCheck
	badges []badgeCheck
	cards  []cardCheck
	badge  map[[2]string]int // (person, badge kind) → its check in badges
}

// introCheck is an admission's introducer, who must be an official member
// on the admission date.
type introCheck struct {
	introducer string
	date       tochuc.Date
	line       int32
}

// spanCheck is a temporary attendance, during which the person must be a member.
type spanCheck struct {
	person string
	p      tochuc.Period
	line   int32
}

// badgeCheck is a badge, not before the member's party age reaches its years.
type badgeCheck struct {
	person, kind string
	date         tochuc.Date
	line         int32
}

// cardCheck is a party card, whose number must not be held for another person.
type cardCheck struct {
	number, person string
	line           int32
}

// checkPartyCasework checks the amendment's columns of a party row: a
// ceremony on or after the admission, one or two introducers other than
// the person, kept to be checked on the admission date.
func (im *importer) checkPartyCasework(rec *Record) {
	ev, d := rec.Str("event"), rec.Date("date")
	ceremony, intro := rec.Date("ceremony_on"), rec.Str("introducer_ids")
	if ev != tochuc.EventAdmitted {
		if ceremony != 0 {
			im.errAt(rec, "ceremony_on", "chỉ ghi ngày lễ kết nạp cho sự kiện kết nạp (admitted)", "ceremony_on is only for admitted")
		}
		if intro != "" {
			im.errAt(rec, "introducer_ids", "chỉ ghi người giới thiệu cho sự kiện kết nạp (admitted)", "introducer_ids is only for admitted")
		}
		return
	}
	if ceremony != 0 && ceremony < d {
		im.errAt(rec, "ceremony_on", fmt.Sprintf("ngày lễ kết nạp %s trước ngày kết nạp %s", ceremony.Vietnamese(), d.Vietnamese()),
			"the ceremony is before the admission")
	}
	if intro == "" {
		return
	}
	ids := strings.Split(intro, ";")
	for i := range ids {
		ids[i] = strings.TrimSpace(ids[i])
	}
	switch {
	case len(ids) > 2 || slices.Contains(ids, ""):
		im.errAt(rec, "introducer_ids", "ghi một hoặc hai mã người giới thiệu, cách nhau bằng dấu chấm phẩy (;)",
			"one or two introducer ids separated by ';'")
		return
	case len(ids) == 2 && ids[0] == ids[1]:
		im.errAt(rec, "introducer_ids", "hai người giới thiệu trùng nhau", "the two introducers are the same person")
		return
	case slices.Contains(ids, rec.Str("person_id")):
		im.errAt(rec, "introducer_ids", "người được kết nạp không tự giới thiệu mình", "a person cannot introduce themselves")
		return
	}
	for _, id := range ids {
		if len(id) > MaxIDLen {
			im.errAt(rec, "introducer_ids", fmt.Sprintf("mã người dài quá %d ký tự", MaxIDLen), "id too long")
			return
		}
		im.casework.intros = append(im.casework.intros, introCheck{strings.Clone(id), d, int32(rec.Line)})
	}
}

// checkTemporary checks a row of party_temporary.csv: its period, the
// organization attended a party organization, the membership kept to be
// checked over the period.
func (im *importer) checkTemporary(rec *Record) {
	if !im.checkPeriod(rec, "valid_from", "valid_to") {
		return
	}
	from := rec.Date("valid_from")
	if v, ok := im.unitAt(rec, "unit_id", from); ok && !tochuc.IsPartyOrg(v.Kind) {
		im.errAt(rec, "unit_id", fmt.Sprintf("đơn vị '%s' không phải là tổ chức đảng (loại %s)", rec.Str("unit_id"), tochuc.Label("unit_kind", v.Kind)),
			fmt.Sprintf("unit '%s' is not a party organization", rec.Str("unit_id")))
	}
	im.casework.temps = append(im.casework.temps, spanCheck{strings.Clone(rec.Str("person_id")),
		tochuc.Period{From: from, To: rec.Date("valid_to")}, int32(rec.Line)})
}

// checkAward checks a row of awards.csv: one badge of a kind per person,
// kept to be checked against the member's party age.
func (im *importer) checkAward(rec *Record) {
	kind := rec.Str("kind")
	if tochuc.BadgeYears(kind) == 0 {
		return
	}
	person := strings.Clone(rec.Str("person_id"))
	k := [2]string{person, kind}
	if im.casework.badge == nil {
		im.casework.badge = map[[2]string]int{}
	}
	if i, ok := im.casework.badge[k]; ok {
		first := im.casework.badges[i].line
		im.errAt(rec, "kind", fmt.Sprintf("'%s' đã có %s ở dòng %d", person, lowerFirst(tochuc.Label("award_kind", kind)), first),
			fmt.Sprintf("%s already has %s on row %d", person, kind, first))
		return
	}
	im.casework.badge[k] = len(im.casework.badges)
	im.casework.badges = append(im.casework.badges, badgeCheck{person, kind, rec.Date("date"), int32(rec.Line)})
}

// checkCard checks a row of party_cards.csv: withdrawn after it was issued,
// its number kept to be compared with the cards held.
func (im *importer) checkCard(rec *Record) {
	im.checkPeriod(rec, "issued_on", "revoked_on")
	im.casework.cards = append(im.casework.cards, cardCheck{strings.Clone(rec.Str("number")), strings.Clone(rec.Str("person_id")), int32(rec.Line)})
}

// checkCasework runs, once every file is read, the checks of the casework
// records that need a person's membership (bundle and held), and compares
// cards and badges with those held.
func (im *importer) checkCasework(ctx context.Context) error {
	cw := &im.casework
	if err := im.checkHeldCards(ctx); err != nil {
		return err
	}
	if err := im.checkHeldBadges(ctx); err != nil {
		return err
	}
	// The people whose membership is needed, with what each is needed for.
	type need struct {
		kind uint8 // 0 introducer, 1 temporary, 2 badge
		i    int
	}
	needs := map[string][]need{}
	for i, c := range cw.intros {
		needs[c.introducer] = append(needs[c.introducer], need{0, i})
	}
	for i, c := range cw.temps {
		needs[c.person] = append(needs[c.person], need{1, i})
	}
	for i, c := range cw.badges {
		needs[c.person] = append(needs[c.person], need{2, i})
	}
	if len(needs) == 0 {
		return nil
	}
	var unknown []string
	for id := range needs {
		if _, ok := im.people[id]; !ok {
			unknown = append(unknown, id)
		}
	}
	slices.Sort(unknown)
	for batch := range slices.Chunk(unknown, lookupBatch) {
		if err := im.tgt.People(ctx, batch, func(id string, died tochuc.Date) error {
			im.people[strings.Clone(id)] = person{died: died, last: -1}
			return nil
		}); err != nil {
			return fmt.Errorf("look up people: %w", err)
		}
	}
	ids := make([]string, 0, len(needs))
	for id := range needs {
		if _, ok := im.people[id]; ok {
			ids = append(ids, id)
		} else {
			for _, n := range needs[id] {
				if n.kind == 0 { // other rows name the person in a checked reference
					c := cw.intros[n.i]
					im.fileIssue("party", Issue{Line: int(c.line), Column: "introducer_ids",
						Vi: fmt.Sprintf("người giới thiệu '%s' không có trong gói dữ liệu hay cơ sở dữ liệu", id),
						En: fmt.Sprintf("introducer '%s' resolves nowhere", id)})
				}
			}
		}
	}
	slices.Sort(ids)
	return im.mergedEvents(ctx, ids, func(id string, list []partyEvent) {
		evs := make([]tochuc.MembershipEvent, len(list))
		for i, e := range list {
			evs[i] = e.membership()
		}
		died := im.people[id].died
		for _, n := range needs[id] {
			switch n.kind {
			case 0:
				im.checkIntroducer(cw.intros[n.i], evs, died)
			case 1:
				c := cw.temps[n.i]
				if !tochuc.MemberThrough(evs, died, c.p) {
					im.fileIssue("party_temporary", Issue{Line: int(c.line), Column: "valid_from",
						Vi: fmt.Sprintf("'%s' không phải là đảng viên trong suốt thời gian sinh hoạt tạm thời", id),
						En: fmt.Sprintf("'%s' is not a party member during the whole period", id)})
				}
			case 2:
				im.checkBadge(cw.badges[n.i], evs)
			}
		}
	})
}

// checkIntroducer reports an introducer who is not an official member on
// the admission date (PM-03).
func (im *importer) checkIntroducer(c introCheck, evs []tochuc.MembershipEvent, died tochuc.Date) {
	m := tochuc.MembershipAt(evs, c.date, died)
	if m.Member && !m.Probationary {
		return
	}
	im.fileIssue("party", Issue{Line: int(c.line), Column: "introducer_ids",
		Vi: fmt.Sprintf("người giới thiệu '%s' không phải là đảng viên chính thức ngày kết nạp %s", c.introducer, c.date.Vietnamese()),
		En: fmt.Sprintf("introducer '%s' is not an official member on %s", c.introducer, c.date)})
}

// checkBadge reports a badge awarded before the member's party age
// reached its years (amendment 1).
func (im *importer) checkBadge(c badgeCheck, evs []tochuc.MembershipEvent) {
	years := tochuc.BadgeYears(c.kind)
	age, ok := tochuc.PartyAge(evs, c.date)
	if ok && age >= years {
		return
	}
	label := lowerFirst(tochuc.Label("award_kind", c.kind))
	vi := fmt.Sprintf("'%s' chưa đủ %d năm tuổi Đảng ngày %s để nhận %s", c.person, years, c.date.Vietnamese(), label)
	if ok {
		start := tochuc.PartyAgeStart(evs, c.date)
		vi += fmt.Sprintf(" (tuổi Đảng %d năm, tính từ ngày %s; đủ %d năm ngày %s)", age, start.Vietnamese(), years,
			tochuc.AddYears(start, years).Vietnamese())
	} else {
		vi += " (không có ngày kết nạp)"
	}
	im.fileIssue("awards", Issue{Line: int(c.line), Column: "date", Vi: vi,
		En: fmt.Sprintf("%s awarded before party age reached %d years", c.kind, years)})
}

// checkHeldCards warns of a card number held for another person: the
// bundle's row replaces it.
func (im *importer) checkHeldCards(ctx context.Context) error {
	ht, ok := im.tgt.(HeldTarget)
	if !ok || len(im.casework.cards) == 0 {
		return nil
	}
	byNumber := map[string]cardCheck{}
	var numbers []string
	for _, c := range im.casework.cards {
		byNumber[c.number] = c
		numbers = append(numbers, c.number)
	}
	slices.Sort(numbers)
	for batch := range slices.Chunk(numbers, lookupBatch) {
		err := ht.Held(ctx, "party_cards", "number", batch, []string{"number", "person_id"}, true, func(row []string) error {
			if c := byNumber[row[0]]; c.person != row[1] {
				im.fileIssue("party_cards", Issue{Line: int(c.line), Column: "number", Warning: true,
					Vi: fmt.Sprintf("thẻ số '%s' đang ghi cho '%s'; dòng này ghi lại cho '%s'", c.number, row[1], c.person),
					En: fmt.Sprintf("card %s was held for %s, now %s", c.number, row[1], c.person)})
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("look up party cards: %w", err)
		}
	}
	return nil
}

// checkHeldBadges reports a badge of a kind the person already holds on
// another date (one badge of a kind per person; a correction edits it).
func (im *importer) checkHeldBadges(ctx context.Context) error {
	ht, ok := im.tgt.(HeldTarget)
	if !ok || len(im.casework.badges) == 0 {
		return nil
	}
	var persons []string
	for _, c := range im.casework.badges {
		persons = append(persons, c.person)
	}
	slices.Sort(persons)
	persons = slices.Compact(persons)
	for batch := range slices.Chunk(persons, lookupBatch) {
		err := ht.Held(ctx, "awards", "person_id", batch, []string{"person_id", "kind", "date"}, false, func(row []string) error {
			i, ok := im.casework.badge[[2]string{row[0], row[1]}]
			if !ok || tochuc.BadgeYears(row[1]) == 0 {
				return nil
			}
			c := im.casework.badges[i]
			if held, err := tochuc.ParseDate(row[2]); err == nil && held != c.date {
				im.fileIssue("awards", Issue{Line: int(c.line), Column: "kind",
					Vi: fmt.Sprintf("'%s' đã có %s trao ngày %s; sửa bản ghi đó thay vì thêm bản ghi mới", row[0],
						lowerFirst(tochuc.Label("award_kind", row[1])), held.Vietnamese()),
					En: fmt.Sprintf("%s already holds %s awarded on %s", row[0], row[1], held)})
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("look up awards: %w", err)
		}
	}
	return nil
}

// fileIssue adds an issue of a file found once every file is read, sorted
// with that file's issues.
func (im *importer) fileIssue(file string, i Issue) {
	i.File = im.src.Location(file)
	im.iss.order = slices.Index(Files, FileByName(file)) + 1
	im.iss.add(i)
}

// lowerFirst lowers the first letter of a label put inside a sentence.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
