package demo

// The administrative geography of Bắc Giang from 2018 to 2025.
//
// What is real: the 10 district-level units and 192 communes of
// units-pre2025.csv (as of 2025-03-01) with their codes and names, their
// mapping into the 58 new communes of Tỉnh Bắc Ninh on 2025-07-01
// (merge-2025.csv), and the counts per type of the README's Bắc Giang table
// (2018: 10 phường, 16 thị trấn, 204 xã; 2020: 10/15/184; 2022: 10/17/182;
// 2024: 19/15/175; 2025-01: 35/14/143), which the tables below reproduce.
//
// What is reconstructed or synthesized: the embedded lists do not have the
// 38 communes that ceased to exist before 2025-03-01 (21 merged on
// 2020-01-01 by Nghị quyết 813/NQ-UBTVQH14, 17 on 2025-01-01 by Nghị quyết
// 1191/NQ-UBTVQH15), nor the earlier names and types of the communes that
// survived. The names below are those of communes of the time as far as
// known, and otherwise plausible; which commune went into which, and the
// earlier names, are illustrative and not a legal reference. The 38
// synthesized communes have codes 99001–99038, which no real unit uses.

// synthCommune is a commune of 2018 that is not in the pre-2025 list.
type synthCommune struct {
	code, name, subtype, district string
	into                          string // code of the commune it was merged into
	date                          string // date of the merger
}

var synthCommunes = []synthCommune{
	{"99001", "Lê Lợi", "phuong", "213", "07210", "2025-01-01"},
	{"99002", "Trần Nguyên Hãn", "phuong", "213", "07201", "2025-01-01"},
	{"99003", "Nham Sơn", "xa", "221", "07681", "2020-01-01"},
	{"99004", "Thắng Cương", "xa", "221", "07681", "2020-01-01"},
	{"99005", "Tân An", "xa", "221", "07682", "2020-01-01"},
	{"99006", "Lão Hộ", "xa", "221", "07690", "2025-01-01"},
	{"99007", "Cầu Gồ", "thi_tran", "215", "07288", "2020-01-01"},
	{"99008", "Bố Hạ", "xa", "215", "07294", "2020-01-01"},
	{"99009", "Tam Hiệp", "xa", "215", "07261", "2020-01-01"},
	{"99010", "Hồng Kỳ", "xa", "215", "07282", "2020-01-01"},
	{"99011", "Cao Thượng", "xa", "216", "07339", "2020-01-01"},
	{"99012", "Nhã Nam", "xa", "216", "07306", "2020-01-01"},
	{"99013", "Đại Hóa", "xa", "216", "07315", "2020-01-01"},
	{"99014", "Phúc Sơn", "xa", "216", "07333", "2025-01-01"},
	{"99015", "Lan Giới", "xa", "216", "07306", "2025-01-01"},
	{"99016", "Yên Mỹ", "xa", "217", "07399", "2025-01-01"},
	{"99017", "Phi Mô", "xa", "217", "07429", "2025-01-01"},
	{"99018", "Mỹ Hà", "xa", "217", "07393", "2025-01-01"},
	{"99019", "Tân Thịnh", "xa", "217", "07375", "2025-01-01"},
	{"99020", "Lục Nam", "thi_tran", "218", "07444", "2020-01-01"},
	{"99021", "Tiên Hưng", "xa", "218", "07450", "2020-01-01"},
	{"99022", "Vũ Xá", "xa", "218", "07519", "2020-01-01"},
	{"99023", "Nghĩa Hồ", "xa", "219", "07525", "2025-01-01"},
	{"99024", "Tuấn Mậu", "xa", "220", "07616", "2020-01-01"},
	{"99025", "Chiên Sơn", "xa", "220", "07630", "2020-01-01"},
	{"99026", "An Châu", "xa", "220", "07648", "2020-01-01"},
	{"99027", "Quế Sơn", "xa", "220", "07627", "2020-01-01"},
	{"99028", "Bồng Am", "xa", "220", "07663", "2020-01-01"},
	{"99029", "Thạch Sơn", "xa", "220", "07672", "2020-01-01"},
	{"99030", "Bích Sơn", "xa", "222", "07777", "2020-01-01"},
	{"99031", "Hoàng Ninh", "xa", "222", "07795", "2020-01-01"},
	{"99032", "Đại Thành", "xa", "223", "07843", "2025-01-01"},
	{"99033", "Thanh Vân", "xa", "223", "07816", "2025-01-01"},
	{"99034", "Đức Thắng", "xa", "223", "07825", "2025-01-01"},
	{"99035", "Hoàng Thanh", "xa", "223", "07825", "2025-01-01"},
	{"99036", "Hùng Sơn", "xa", "223", "07849", "2025-01-01"},
	{"99037", "Hoàng Lương", "xa", "223", "07822", "2025-01-01"},
	{"99038", "Quang Minh", "xa", "223", "07840", "2025-01-01"},
}

// earlier is a name and type a real commune had until a date, before the
// one of units-pre2025.csv; a commune may have several, oldest first.
type earlier struct {
	code, name, subtype, until string
}

var earlierNames = []earlier{
	{"07222", "Song Mai", "xa", "2025-01-01"},
	{"07441", "Dĩnh Trì", "xa", "2025-01-01"},
	{"07687", "Tân Mỹ", "xa", "2025-01-01"},
	{"07696", "Đồng Sơn", "xa", "2025-01-01"},
	{"07699", "Tân Tiến", "xa", "2025-01-01"},
	{"07705", "Song Khê", "xa", "2025-01-01"},
	{"07681", "Neo", "thi_tran", "2020-01-01"},
	{"07681", "Nham Biền", "thi_tran", "2025-01-01"},
	{"07682", "Tân Dân", "thi_tran", "2020-01-01"},
	{"07682", "Tân An", "thi_tran", "2025-01-01"},
	{"07690", "Hương Gián", "xa", "2025-01-01"},
	{"07708", "Nội Hoàng", "xa", "2025-01-01"},
	{"07711", "Tiền Phong", "xa", "2025-01-01"},
	{"07717", "Tân Liễu", "xa", "2025-01-01"},
	{"07738", "Cảnh Thụy", "xa", "2025-01-01"},
	{"07288", "Phồn Xương", "xa", "2020-01-01"},
	{"07315", "Quang Tiến", "xa", "2020-01-01"},
	{"07333", "Lam Cốt", "xa", "2025-01-01"},
	{"07477", "Phương Sơn", "xa", "2022-07-01"},
	{"07573", "Biển Động", "xa", "2025-01-01"},
	{"07582", "Phì Điền", "xa", "2025-01-01"},
	{"07525", "Chũ", "thi_tran", "2025-01-01"},
	{"07549", "Thanh Hải", "xa", "2025-01-01"},
	{"07561", "Hồng Giang", "xa", "2025-01-01"},
	{"07579", "Trù Hựu", "xa", "2025-01-01"},
	{"07612", "Phượng Sơn", "xa", "2025-01-01"},
	{"07616", "Thanh Sơn", "thi_tran", "2020-01-01"},
	{"07630", "Phúc Thắng", "xa", "2020-01-01"},
	{"07648", "Vĩnh Khương", "xa", "2020-01-01"},
	{"07774", "Tự Lạn", "xa", "2024-02-01"},
	{"07777", "Bích Động", "thi_tran", "2024-02-01"},
	{"07783", "Hồng Thái", "xa", "2024-02-01"},
	{"07789", "Tăng Tiến", "xa", "2024-02-01"},
	{"07792", "Quảng Minh", "xa", "2024-02-01"},
	{"07795", "Nếnh", "thi_tran", "2024-02-01"},
	{"07798", "Ninh Sơn", "xa", "2024-02-01"},
	{"07801", "Vân Trung", "xa", "2024-02-01"},
	{"07807", "Quang Châu", "xa", "2024-02-01"},
	{"07870", "Bắc Lý", "xa", "2022-07-01"},
	{"07816", "Đồng Tân", "xa", "2025-01-01"},
	{"07825", "Hoàng An", "xa", "2025-01-01"},
	{"07843", "Hòa Sơn", "xa", "2025-01-01"},
	{"07849", "Thái Sơn", "xa", "2025-01-01"},
}

// District-level history. Yên Dũng (221, not in the pre-2025 list) was
// merged into Thành phố Bắc Giang on 2025-01-01, which also took the 17
// communes below; Thị xã Chũ (224) was created that day from the 10 communes
// below of Lục Ngạn (219); Việt Yên (222) became a thị xã on 2024-02-01;
// Bắc Giang was a thị xã until 2005-06-07.
var (
	yenDungCommunes = []string{"07681", "07682", "07690", "07702", "07708", "07711", "07714", "07717",
		"07720", "07723", "07726", "07729", "07735", "07738", "07741", "07747", "07750"}
	chuCommunes = []string{"07525", "07549", "07552", "07558", "07561", "07576", "07579", "07600", "07603", "07612"}
)

// districtSeats are the communes holding each district's seat, where the
// members of a district's own party organizations go when it ends.
var districtSeats = map[string]string{
	"213": "07213", "215": "07288", "216": "07339", "217": "07375", "218": "07444",
	"219": "07573", "220": "07615", "221": "07681", "222": "07777", "223": "07840", "224": "07525",
}

// Dates and documents of the changes of the geography.
var (
	founded     = day("1997-01-01") // Tỉnh Bắc Giang re-established (Hà Bắc divided)
	cityDate    = day("2005-06-07") // Thị xã Bắc Giang became a city
	merge2020   = day("2020-01-01") // NQ 813/NQ-UBTVQH14
	towns2022   = day("2022-07-01") // NQ 510/NQ-UBTVQH15 (date assumed: between the 2022-04-10 and 2022-10-01 snapshots)
	vietYen2024 = day("2024-02-01") // NQ 938/NQ-UBTVQH15
	merge2025a  = day("2025-01-01") // NQ 1191/NQ-UBTVQH15
	reform      = day("2025-07-01") // NQ 202/2025/QH15, NQ 1658/NQ-UBTVQH15; no district level
)
