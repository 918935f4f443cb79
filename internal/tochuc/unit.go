package tochuc

// Unit is one version of a unit of the political system or a locality.
type Unit struct {
	ID         string
	Name       string
	Kind       string
	ParentID   string
	LocalityID string
	HostID     string
	Subtype    string
	Sector     string // as given; see EffectiveSector
	Ownership  string
	AdminCode  string
	Period
}

// EffectiveSector returns the unit's sector: as given, or following from its
// kind; an internal division takes its parent's (passed in).
func (u Unit) EffectiveSector(parentSector Sector) Sector {
	if u.Sector != "" {
		return Sector(u.Sector)
	}
	if u.Kind == "internal_division" {
		return parentSector
	}
	k, _ := LookupUnitKind(u.Kind)
	return k.Sector
}

// KindLabel returns the Vietnamese label of the unit's kind.
func (u Unit) KindLabel() string {
	k, ok := LookupUnitKind(u.Kind)
	if !ok {
		return u.Kind
	}
	return k.Label
}

// UnitFilter narrows a query of units; empty fields do not filter.
type UnitFilter struct {
	Kind       string
	ParentID   string
	LocalityID string
	HostID     string
	Roots      bool // only units without a parent
}

// RestructureLink is one link of a restructuring event: a unit before and a unit after.
type RestructureLink struct {
	EventID    string
	Date       Date
	Kind       string
	FromUnitID string
	ToUnitID   string
	DocumentID string
}
