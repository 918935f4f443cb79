package app

import (
	"github.com/tochuc/tochuc/internal/bundle"
	"github.com/tochuc/tochuc/internal/indicator"
)

// catalogIndicator tells the import whether an id is an indicator of the
// catalog and whether it is a share (document_targets.csv, amendment 3):
// the model cannot import the catalog, so the use cases hand it over.
func catalogIndicator(id string) (share, ok bool) {
	d, ok := indicator.Lookup(id)
	return d.Share, ok
}

// withCatalog returns the options of an import with the catalog set.
func withCatalog(opt bundle.Options) bundle.Options {
	if opt.Indicator == nil {
		opt.Indicator = catalogIndicator
	}
	return opt
}
