package demo

import (
	"fmt"
	"strings"
)

// wantPSUCut is the number of public service units cut in 2018 (F3).
const wantPSUCut = 102

// restructure2018 carries out Plan 47-KH/TU between Since and AsOf: the
// divisions of the party advisory agencies and of two socio-political
// organizations are rearranged (F1), those of the specialised agencies go
// down by 2 (F2), 102 public service units are merged away (F3), and the
// staff is cut by 1,043 in the government bloc and 77 in the party and mass
// organizations (F4).
func (b *builder) restructure2018() {
	for _, a := range append(append([]agencySpec{}, partyAgencies...), frontOrgs...) {
		b.mergeDivisions(b.pro[a.key], a.merges, reorg2018)
	}
	for _, a := range stateAgencies {
		b.mergeDivisions(b.pro[a.key], a.merges, psuMerge2018)
	}
	cuts := map[string]int{}
	for _, s := range provincialPSUs {
		parent := b.pro[s.agency]
		for _, m := range s.merges {
			from, into := b.mergeSpec(m, func(name string) *unit {
				for _, u := range b.childUnits(parent, psuMerge2018-1, "public_service_unit") {
					if u.last().name == provincialName(name) {
						return u
					}
				}
				b.fail("no unit %q under %s", name, parent.id)
				return nil
			}, func(name string, n int) *unit {
				return b.newUnit(fmt.Sprintf("%s/DV%02d", parent.id, 50+n), version{from: psuMerge2018,
					name: provincialName(name), kind: "public_service_unit", parent: parent.id, locality: b.prov.id})
			})
			cuts["state"] += b.mergePSUs("KH47-"+s.agency, psuMerge2018, into, from...)
		}
	}
	for _, d := range b.districts {
		if d.code == "224" {
			continue
		}
		tt := b.orgUnit(d.u.id+"/TTVHTT", "public_service_unit", "Trung tâm Văn hóa, Thông tin và Thể thao {lo}",
			d.org["UBND"].id, d.u.id, reorg2018)
		cuts["state"] += b.mergePSUs("KH47-"+d.code+"-VH", reorg2018, tt, d.org["TTVH"], d.org["DTT"])
		dv := b.orgUnit(d.u.id+"/DVNN", "public_service_unit", "Trung tâm Dịch vụ nông nghiệp {lo}",
			d.org["UBND"].id, d.u.id, psuMerge2018)
		cuts["state"] += b.mergePSUs("KH47-"+d.code+"-NN", psuMerge2018, dv, d.org["TKN"], d.org["TBVTV"], d.org["TTY"])
		d.org["TTVHTT"], d.org["DVNN"] = tt, dv
	}
	cut := 0
	for _, u := range b.units {
		if v := u.at(Since); v != nil && v.kind == "public_service_unit" && !u.alive(AsOf) {
			cut++
		}
	}
	for _, u := range b.units {
		if v := u.at(AsOf); v != nil && v.kind == "public_service_unit" && !u.alive(Since) {
			cut--
		}
	}
	cuts["state"] += b.mergeSchools(wantPSUCut - cut)
	b.staffCuts2018(cuts)
}

// mergeSpec resolves "A>B" (A into B) or "A+B+…=C" (into a new C).
func (b *builder) mergeSpec(spec string, find func(string) *unit, create func(string, int) *unit) (from []*unit, into *unit) {
	if i := strings.Index(spec, ">"); i >= 0 {
		return []*unit{find(spec[:i])}, find(spec[i+1:])
	}
	eq := strings.Index(spec, "=")
	for _, name := range strings.Split(spec[:eq], "+") {
		from = append(from, find(name))
	}
	b.seq++
	return from, create(spec[eq+1:], b.seq)
}

// mergeDivisions merges the divisions of an agency on d; the heads of the
// merged divisions become deputy heads of the one that takes them in.
func (b *builder) mergeDivisions(agency *unit, specs []string, d date) {
	for _, spec := range specs {
		from, into := b.mergeSpec(spec, func(name string) *unit { return b.division(agency, name, d-1) },
			func(name string, _ int) *unit {
				b.seq++
				return b.newUnit(fmt.Sprintf("%s/P%02d", agency.id, 50+b.seq), version{from: d, name: name,
					kind: "internal_division", parent: agency.id, locality: b.prov.id})
			})
		b.merge("KH47-"+strings.TrimPrefix(agency.id, b.prov.id+"/"), d, into, docKH47, from...)
		for i, u := range from {
			h := b.pcast.divHeads[u]
			if h == nil {
				continue
			}
			h.to = d
			role := "deputy_head"
			if i == 0 && into.start() == d {
				role = "head"
			}
			b.pcast.divHeads[into] = b.assign(h.p, into, role, d, 0, "appointed")
		}
	}
}

// mergePSUs merges public service units into one on d, with their staff
// less a few, and returns the number cut. The directors of the merged
// units become deputy directors.
func (b *builder) mergePSUs(event string, d date, into *unit, from ...*unit) int {
	b.merge(event, d, into, docKH47, from...)
	n := 0
	for i, u := range from {
		c := 1 + b.rnd.IntN(5)
		if i == 0 && into.start() == d {
			c = 0
		}
		b.absorb(into, u, d, c)
		n += c
		if h := b.pcast.heads[u.id]; h != nil {
			h.to = d
			b.assign(h.p, into, "deputy_director", d, 0, "appointed")
		}
	}
	return n
}

// mergeSchools merges n pairs of schools on schoolMerge2018: a second
// kindergarten or primary school into the first, or a primary and a lower
// secondary school into a new combined school.
func (b *builder) mergeSchools(n int) int {
	cut := 0
	for _, k := range b.shuffled(len(b.communes)) {
		if n == 0 {
			break
		}
		c := b.communes[k]
		s := func(key string) *unit { return b.byID[c.u.id+"/"+key] }
		d := schoolMerge2018
		switch {
		case s("TH2") != nil:
			into := s("TH1")
			cut += b.mergePSUs("KH47-TH-"+c.code, d, into, s("TH2"))
			b.change(into, d, func(v *version) { v.name = strings.TrimSuffix(v.name, " số 1") })
			b.link("KH47-TH-"+c.code, d, "rename", into.id, into.id, docKH47)
		case s("MN2") != nil:
			into := s("MN1")
			cut += b.mergePSUs("KH47-TH-"+c.code, d, into, s("MN2"))
			b.change(into, d, func(v *version) { v.name = strings.TrimSuffix(v.name, " A") })
			b.link("KH47-TH-"+c.code, d, "rename", into.id, into.id, docKH47)
		case !c.urban() && b.chance(0.5):
			th := s("TH1")
			short := strings.TrimPrefix(th.last().name, "Trường Tiểu học ")
			into := b.newUnit(c.u.id+"/THTHCS", version{from: d, name: "Trường Tiểu học và THCS " + short,
				kind: "public_service_unit", parent: th.last().parent, locality: c.u.id})
			b.schools = append(b.schools, into)
			cut += b.mergePSUs("KH47-TH-"+c.code, d, into, th, s("THCS"))
		default:
			continue
		}
		n--
	}
	if n != 0 {
		b.fail("could not merge enough schools: %d left", n)
	}
	return cut
}

// staffCuts2018 spreads the rest of the 2018 staff reduction of each
// sector over its units, in proportion to their size.
func (b *builder) staffCuts2018(merged map[string]int) {
	for _, sector := range []string{"state", "party", "front"} {
		var us []*unit
		var ws []float64
		for _, e := range b.staffPlan.events {
			if e.kind != 'h' || !e.u.alive(staffCut2018) || e.u.start() > Since || e.n < 4 {
				continue
			}
			if sectorOf(e.u.at(staffCut2018)) == sector {
				us = append(us, e.u)
				ws = append(ws, float64(e.n))
			}
		}
		for i, n := range distribute(staffCuts[sector]-merged[sector], ws) {
			if n > 0 {
				b.cut(us[i], staffCut2018, n)
			}
		}
	}
}
