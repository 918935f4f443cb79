package demo

import (
	"strconv"
	"strings"
)

// Ethnic groups of Bắc Giang with the share of minorities per 2018 district
// (rounded from the 2019 census picture: the mountain districts Sơn Động,
// Lục Ngạn, Lục Nam and Yên Thế have large Nùng, Tày, Sán Chay, Dao and Hoa
// communities; the lowland districts are almost all Kinh).
var minorityShare = map[string]float64{
	"213": 0.02, "215": 0.18, "216": 0.05, "217": 0.06, "218": 0.18,
	"219": 0.45, "220": 0.55, "221": 0.03, "222": 0.02, "223": 0.03,
}

// minorities are the minority groups with their relative weights.
var minorities = []struct {
	name   string
	weight float64
}{
	{"Nùng", 38}, {"Tày", 22}, {"Sán Chay", 13}, {"Sán Dìu", 11}, {"Hoa", 9}, {"Dao", 5}, {"Mường", 2},
}

// surnames by ethnic group, most frequent first (repeated names weigh more).
var surnames = map[string][]string{
	"Kinh": strings.Fields(`Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Trần Trần Lê Lê Phạm
		Hoàng Vũ Đỗ Ngô Dương Thân Thân Thân Giáp Giáp Đặng Bùi Đào Hà Lưu Chu Nghiêm Tạ Lương Trịnh
		Đinh Phan Mai Vi Hoàng Ngô Nguyễn Trần Lê Dương Thân Nguyễn`),
	"Nùng":     strings.Fields(`Hoàng Hoàng Nông Nông Lăng Vi Lương Hà Lộc Triệu Mã Chu Hoàng Nông`),
	"Tày":      strings.Fields(`Hoàng Nông Hà La Vi Lương Đàm Ma Lộc Hoàng Nông`),
	"Sán Chay": strings.Fields(`Hoàng Lâm Trương La Chu Ninh Hoàng Lâm`),
	"Sán Dìu":  strings.Fields(`Diệp Trương Lâm Tạ Đặng Lý Diệp Trương`),
	"Hoa":      strings.Fields(`Trương Lý Lưu Hoàng Mạc Chung Tăng Trương`),
	"Dao":      strings.Fields(`Triệu Bàn Đặng Lý Phùng Triệu Bàn`),
	"Mường":    strings.Fields(`Đinh Bùi Quách Hà`),
}

var (
	middleMale   = strings.Fields(`Văn Văn Văn Văn Văn Đức Minh Quang Hữu Xuân Thanh Ngọc Công Mạnh Tiến Duy Đình Trọng`)
	middleFemale = strings.Fields(`Thị Thị Thị Thị Thị Thị Thu Ngọc Thanh Minh Hồng Thúy Kim Phương Hải`)
	givenMale    = strings.Fields(`Hùng Dũng Tuấn Hải Long Thắng Cường Hưng Sơn Nam Quân Thành Trung Tùng Minh
		Khánh Hoàng Bình Chiến Đạt Hiếu Huy Kiên Lâm Lợi Phong Quyết Tài Thịnh Toàn Tú Vinh Việt Bảo
		Công Đông Giang Hòa Hiệp Lực Nghĩa Phúc Quang Tâm Thái Thuận Tiến Trường Vũ Xuân Hậu Khải Luân`)
	givenFemale = strings.Fields(`Hương Lan Hoa Huyền Hằng Thủy Nga Hạnh Liên Mai Ngọc Oanh Phương Quyên
		Thảo Trang Vân Yến Dung Hà Hiền Hòa Linh Loan Lý Nhung Nhàn Tâm Thanh Thu Tuyết Xuân Duyên
		Giang Hồng Liễu Minh Nguyệt Thắm Uyên Nhài Chinh`)
)

// ethnicity draws the ethnic group of a person from a 2018 district.
func (b *builder) ethnicity(district string) string {
	if !b.chance(minorityShare[district]) {
		return "Kinh"
	}
	total := 0.0
	for _, m := range minorities {
		total += m.weight
	}
	x := b.rnd.Float64() * total
	for _, m := range minorities {
		if x < m.weight {
			return m.name
		}
		x -= m.weight
	}
	return "Kinh"
}

// fullName draws a Vietnamese name for a person of a gender and ethnic group.
func (b *builder) fullName(gender, eth string) string {
	sur := pick(b, surnames[eth])
	if gender == "female" {
		return sur + " " + pick(b, middleFemale) + " " + pick(b, givenFemale)
	}
	return sur + " " + pick(b, middleMale) + " " + pick(b, givenMale)
}

// villagePlaces are the words village names are made of.
var (
	placeFirst = strings.Fields(`Đông Tây Nam Bắc Trung Thượng Hạ Tân Hòa An Phúc Lộc Thọ Đồng Cầu Chợ Đình
		Hợp Quyết Minh Quang Hưng Thịnh Xuân Yên Ninh Vĩnh Bình Thanh Hồng Phú Kim Ngọc Liên Mỹ Đại
		Tiền Hậu Khả Lý Dĩnh Song Trại Gò Đạo Cẩm Lương Hương Nội Ngoại`)
	placeSecond = strings.Fields(`Sơn Lâm Hạ Thượng Trung Tiến Thắng Lợi Phúc Lộc An Hòa Bình Tâm Mới Cũ
		Giang Hà Khê Đông Tây Nam Bắc Thành Hưng Vượng Lạc Xá Động Lễ Lục Trì Đồng Cương Mai`)
	placeUpland = strings.Fields(`Nà Khe Đồng Bản Lục Pá Khuôn Nà Khe Mố Thác Đèo`)
)

// villageName draws a name for a village of a commune (xa) or a residential
// group of a ward or town, unique within used.
func (b *builder) villageName(urban, upland bool, n int, used map[string]bool) string {
	for try := 0; ; try++ {
		var name string
		switch {
		case urban && b.chance(0.5):
			name = "Tổ dân phố số " + strconv.Itoa(n+try)
		case urban:
			name = "Tổ dân phố " + pick(b, placeFirst) + " " + pick(b, placeSecond)
		case upland && b.chance(0.6):
			name = "Thôn " + pick(b, placeUpland) + " " + pick(b, placeSecond)
		default:
			name = "Thôn " + pick(b, placeFirst) + " " + pick(b, placeSecond)
		}
		if try > 50 {
			name += " " + strconv.Itoa(try)
		}
		if f := strings.Fields(name); f[len(f)-1] == f[len(f)-2] {
			continue
		}
		if !used[name] {
			used[name] = true
			return name
		}
	}
}
