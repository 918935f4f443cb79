package bundle

import (
	"context"
	"fmt"
	"slices"

	"github.com/tochuc/tochuc/internal/tochuc"
)

// partyEvent is a membership event of the bundle in 40 bytes: the checks of a
// million events must not cost more than the events themselves.
type partyEvent struct {
	unit   string // shares the unit index's key
	prev   int32  // index of the same person's previous event, or -1
	line   int32
	date   tochuc.Date
	seq    int16
	event  uint8 // index in tochuc.PartyEvents
	status uint8 // index in tochuc.MemberStatuses, plus one; 0 when empty
}

func (e partyEvent) membership() tochuc.MembershipEvent {
	m := tochuc.MembershipEvent{Event: tochuc.PartyEvents[e.event], Date: e.date, UnitID: e.unit}
	if e.status > 0 {
		m.Status = tochuc.MemberStatuses[e.status-1]
	}
	return m
}

// addPartyEvent checks one membership event and keeps it for the order check.
func (im *importer) addPartyEvent(rec *Record) {
	ev, d, unit := rec.Str("event"), rec.Date("date"), rec.Str("unit_id")
	if tochuc.EventNeedsUnit(ev) && unit == "" {
		im.errAt(rec, "unit_id", "sự kiện '"+ev+"' phải ghi tổ chức đảng", "event '"+ev+"' requires unit_id")
	}
	if rec.Str("status") != "" && ev != tochuc.EventTransferredIn {
		im.errAt(rec, "status", "chỉ ghi trạng thái cho sự kiện transferred_in", "status is only for transferred_in")
	}
	if v, ok := im.unitAt(rec, "unit_id", d); ok && !tochuc.IsPartyOrg(v.Kind) {
		im.errAt(rec, "unit_id", fmt.Sprintf("đơn vị '%s' không phải là tổ chức đảng (loại %s)", unit, v.Kind),
			fmt.Sprintf("unit '%s' is not a party organization (kind %s)", unit, v.Kind))
	}
	id := rec.Str("person_id")
	p, ok := im.people[id]
	if !ok {
		return // reported as a reference that resolves nowhere
	}
	e := partyEvent{prev: p.last, line: int32(rec.Line), date: d, event: uint8(slices.Index(tochuc.PartyEvents, ev)),
		status: uint8(slices.Index(tochuc.MemberStatuses, rec.Str("status")) + 1), unit: im.units.key(unit)}
	for i := p.last; i >= 0; i = im.evs[i].prev {
		if im.evs[i].date == d {
			e.seq++
		}
	}
	rec.Seq = int(e.seq)
	p.last = int32(len(im.evs))
	im.people[id] = p
	im.evs = append(im.evs, e)
}

// partyBatch is the number of people whose held events are read at once.
const partyBatch = 500

// checkPartyOrder merges the bundle's events with the held ones of the same
// people and checks that each person's events can follow one another. Only
// the people with events in the bundle are read, a batch at a time.
func (im *importer) checkPartyOrder(ctx context.Context) error {
	var ids []string
	for id, p := range im.people {
		if p.last >= 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return im.mergedEvents(ctx, ids, func(id string, list []partyEvent) {
		im.checkPersonEvents(id, im.people[id].died, list)
	})
}

// mergedEvents calls fn with the events of each of the given people (sorted
// ids), the bundle's with the held ones it does not replace, in date and
// row order; the people are read a batch at a time, and list is reused.
func (im *importer) mergedEvents(ctx context.Context, ids []string, fn func(id string, list []partyEvent)) error {
	held := map[string][]partyEvent{}
	var list []partyEvent
	for batch := range slices.Chunk(ids, partyBatch) {
		clear(held)
		err := im.tgt.PartyEvents(ctx, batch, func(id string, seq int, e tochuc.MembershipEvent) error {
			held[id] = append(held[id], partyEvent{line: 0, date: e.Date, seq: int16(seq), unit: e.UnitID,
				event:  uint8(slices.Index(tochuc.PartyEvents, e.Event)),
				status: uint8(slices.Index(tochuc.MemberStatuses, e.Status) + 1)})
			return nil
		})
		if err != nil {
			return fmt.Errorf("load party events: %w", err)
		}
		for _, id := range batch {
			list = list[:0]
			if p, ok := im.people[id]; ok {
				for i := p.last; i >= 0; i = im.evs[i].prev {
					list = append(list, im.evs[i])
				}
			}
			for _, h := range held[id] {
				if !slices.ContainsFunc(list, func(b partyEvent) bool { return b.line > 0 && b.event == h.event && b.date == h.date }) {
					list = append(list, h) // not replaced by the bundle's row
				}
			}
			sortEvents(list)
			fn(id, list)
		}
	}
	return nil
}

// sortEvents sorts one person's events by date and order.
func sortEvents(list []partyEvent) {
	slices.SortStableFunc(list, func(a, b partyEvent) int {
		if a.date != b.date {
			return int(a.date - b.date)
		}
		return int(a.seq - b.seq)
	})
}

// checkPersonEvents checks one person's events, sorted by date and order.
func (im *importer) checkPersonEvents(id string, died tochuc.Date, list []partyEvent) {
	evs := make([]tochuc.MembershipEvent, len(list))
	for i, e := range list {
		evs[i] = e.membership()
	}
	for _, p := range tochuc.CheckMembershipOrder(evs) {
		im.iss.add(Issue{File: im.loc, Line: int(list[p.Index].line), Column: "event",
			Vi: fmt.Sprintf("đảng viên '%s': %s", id, p.Reason), En: fmt.Sprintf("member '%s': %s", id, p.En)})
	}
	if died != 0 && tochuc.MembershipAt(evs, died.AddDays(-1), 0).Member {
		if last := list[len(list)-1]; last.event != uint8(slices.Index(tochuc.PartyEvents, tochuc.EventDied)) {
			im.iss.add(Issue{File: im.loc, Line: int(last.line), Column: "event", Warning: true,
				Vi: fmt.Sprintf("đảng viên '%s' từ trần ngày %s nhưng chưa ghi sự kiện từ trần", id, died.Vietnamese()),
				En: fmt.Sprintf("member '%s' died on %s but membership was left open", id, died)})
		}
	}
}
