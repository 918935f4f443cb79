package web

import (
	"net/http"
	"strings"
)

// openAPI builds the OpenAPI 3.1 document of the JSON API from the route table,
// so that the document and the routes cannot drift apart.
func (s *Server) openAPI() map[string]any {
	paths := map[string]any{}
	for _, rt := range s.routes() {
		if rt.API == "" {
			continue
		}
		var params []map[string]any
		for _, seg := range strings.Split(rt.API, "/") {
			if strings.HasPrefix(seg, "{") {
				params = append(params, map[string]any{"name": strings.Trim(seg, "{}"), "in": "path", "required": true,
					"schema": map[string]string{"type": "string"}})
			}
		}
		for _, q := range rt.Query {
			params = append(params, map[string]any{"name": q, "in": "query", "required": false,
				"schema": map[string]string{"type": "string"}})
		}
		op := map[string]any{
			"summary":    rt.Summary,
			"parameters": params,
			"security":   []map[string][]string{{"bearer": {}}, {"session": {}}},
			"responses": map[string]any{
				"200": map[string]any{"description": "Dữ liệu vào ngày xem (as_of)", "content": jsonContent("#/components/schemas/Page")},
				"400": errorResponse("Tham số không hợp lệ"), "401": errorResponse("Chưa đăng nhập"),
				"403": errorResponse("Ngoài phạm vi được giao"), "404": errorResponse("Không tìm thấy"),
			},
		}
		paths[rt.API] = map[string]any{strings.ToLower(rt.Method): op}
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info":    map[string]string{"title": "tochuc API", "version": "1", "description": "API của hệ thống quản lý công tác tổ chức xây dựng Đảng. Cùng quyền, phạm vi và thông báo lỗi như giao diện web."},
		"paths":   paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{
				"bearer":  map[string]string{"type": "http", "scheme": "bearer", "description": "Token tạo bằng 'tochuc user token'"},
				"session": map[string]string{"type": "apiKey", "in": "cookie", "name": sessionCookie},
			},
			"schemas": map[string]any{
				"Page": map[string]any{"type": "object", "required": []string{"as_of", "data"}, "properties": map[string]any{
					"as_of": map[string]string{"type": "string", "format": "date"}, "data": map[string]string{"type": "object"}}},
				"Error": map[string]any{"type": "object", "required": []string{"error", "status"}, "properties": map[string]any{
					"error": map[string]string{"type": "string"}, "status": map[string]string{"type": "integer"}}},
			},
		},
	}
}

func jsonContent(ref string) map[string]any {
	return map[string]any{"application/json": map[string]any{"schema": map[string]string{"$ref": ref}}}
}

func errorResponse(desc string) map[string]any {
	return map[string]any{"description": desc, "content": jsonContent("#/components/schemas/Error")}
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, s.openAPI())
}
