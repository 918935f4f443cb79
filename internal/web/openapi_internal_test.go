package web

import "testing"

// TestAPIOpsCoverRoutes checks that every API route of the route table is
// described (apiOps) and that apiOps names no route that does not exist.
func TestAPIOpsCoverRoutes(t *testing.T) {
	s := &Server{}
	seen := map[string]bool{}
	for _, rt := range s.routes() {
		if rt.API == "" {
			continue
		}
		key := rt.Method + " " + rt.API
		seen[key] = true
		if _, ok := apiOps[key]; !ok {
			t.Errorf("%s: not in apiOps (openapi.go)", key)
		}
	}
	for key := range apiOps {
		if !seen[key] {
			t.Errorf("apiOps: %s is no API route", key)
		}
	}
	ids := map[string]bool{}
	for key, op := range apiOps {
		if op.id == "" || ids[op.id] {
			t.Errorf("%s: operationId %q missing or taken twice", key, op.id)
		}
		ids[op.id] = true
	}
}

// TestQueryParamsDescribed checks that every query parameter of a route has
// its description and schema in queryParams (the OpenAPI document needs a
// schema for each).
func TestQueryParamsDescribed(t *testing.T) {
	s := &Server{}
	for _, rt := range s.routes() {
		for _, q := range rt.Query {
			p, ok := queryParams[q]
			if !ok || p["schema"] == nil || p["description"] == nil {
				t.Errorf("%s %s: query parameter %q not described in queryParams", rt.Method, rt.Page, q)
			}
		}
	}
}
