package sqldb_test

import (
	"strings"

	"github.com/tochuc/tochuc/internal/bundle"
)

// The indicator fixture: two districts (a third dissolved on D), three
// communes (a fourth from the day after D), villages, party organizations,
// enterprises and the people holding posts or membership, with the traps of
// every indicator. D = 2018-12-31, S = 2018-05-30.
const (
	indD = "2018-12-31"
	indS = "2018-05-30"
)

// fixtureUnits: id|name|kind|parent|locality|host|ownership|sector|from|to.
var indFixtureUnits = `
T24|Tỉnh Bắc Giang|province|||||||
H1|Huyện Lục Nam|district|T24||||||
H2|Thành phố Bắc Giang|district|T24||||||
H3|Huyện Cũ|district|T24|||||2000-01-01|2018-12-31
X1|Xã Đồi Ngô|commune|H1|||||2000-01-01|2018-07-01
X1|Thị trấn Đồi Ngô|commune|H1|||||2018-07-01|
X2|Xã Bảo Sơn|commune|H1||||||
X3|Phường Trần Phú|commune|H2||||||
X4|Phường Mới|commune|H2|||||2019-01-01|
V1|Thôn Một|village|X1||||||
V2|Thôn Hai|village|X1||||||
V3|Thôn Ba|village|X2||||||
DBT|Đảng bộ tỉnh Bắc Giang|party_provincial||T24|||||
HU1|Đảng bộ huyện Lục Nam|party_upper|DBT|H1|||||
HU2|Đảng bộ thành phố Bắc Giang|party_upper|DBT|H2|||||
HU3|Đảng bộ huyện Cũ|party_upper|DBT|H3||||2000-01-01|2018-12-31
BDV1|Ban Dân vận Huyện ủy Lục Nam|party_board_mass_mobilization|HU1|H1|||||
BTG1|Ban Tuyên giáo Huyện ủy Lục Nam|party_board_propaganda|HU1|H1|||||
TT1|Trung tâm BDCT huyện Lục Nam|political_training_center||H1|||||
BDV2|Ban Dân vận Thành ủy|party_board_mass_mobilization|HU2|H2|||||
BTG2|Ban Tuyên giáo Thành ủy|party_board_propaganda|HU2|H2|||||
TT2|Trung tâm BDCT thành phố|political_training_center||H2|||||
HD1|HĐND huyện Lục Nam|people_council||H1|||||
UB1|UBND huyện Lục Nam|people_committee||H1|||||
MT1|Ủy ban MTTQ huyện Lục Nam|fatherland_front||H1|||||
HD2|HĐND thành phố Bắc Giang|people_council||H2|||||
UB2|UBND thành phố Bắc Giang|people_committee||H2|||||
MT2|Ủy ban MTTQ thành phố Bắc Giang|fatherland_front||H2|||||
DX1|Đảng bộ thị trấn Đồi Ngô|party_grassroots_committee|HU1|X1|||||
DX2|Chi bộ xã Bảo Sơn|party_grassroots_cell|HU1|X2|||||
DX3|Đảng bộ phường Trần Phú|party_grassroots_committee|HU2|X3|||||
CV1|Chi bộ thôn Một|party_cell|DX1|V1|V1||||
CV2|Chi bộ thôn Hai|party_cell|DX1|V2|V2||||
VPX1|Văn phòng Đảng ủy thị trấn Đồi Ngô|party_office|DX1|X1|||||
VPX2|Văn phòng Chi ủy xã Bảo Sơn|party_office|DX2|X2|||||
HDX1|HĐND thị trấn Đồi Ngô|people_council||X1|||||
UBX1|UBND thị trấn Đồi Ngô|people_committee||X1|||||
MTX1|Ủy ban MTTQ thị trấn Đồi Ngô|fatherland_front||X1|||||
HDX2|HĐND xã Bảo Sơn|people_council||X2|||||
UBX2|UBND xã Bảo Sơn|people_committee||X2|||||
HDX3|HĐND phường Trần Phú|people_council||X3|||||
UBX3|UBND phường Trần Phú|people_committee||X3|||||
VKX3|Văn phòng Đảng ủy – HĐND – UBND phường Trần Phú|combined_office||X3|||||
E1|Công ty TNHH Minh Phát|enterprise||X1||non_state|||
E2|Công ty Xăng dầu Bắc Giang|enterprise||X1||state|||
E3|Công ty CP May Trần Phú|enterprise||X3||non_state|||
E4|Công ty TNHH Bảo Sơn|enterprise||X2||non_state||2000-01-01|2018-10-01
CE1|Chi bộ Công ty Minh Phát|party_grassroots_cell|HU1|X1|E1||||
CE2|Chi bộ Công ty Xăng dầu|party_cell|DX1|X1|E2||||
DE3|Đảng bộ Công ty May Trần Phú|party_grassroots_committee|HU2|X3|E3||||
CE3|Chi bộ Phân xưởng 1|party_cell|DE3|X3|||||
CE4|Chi bộ Công ty Bảo Sơn|party_cell|DX2|X2|E4|||2000-01-01|2018-10-01
PNV1|Phòng Nội vụ huyện Lục Nam|state_agency|UB1|H1|||||
PB1|Bộ phận một cửa|internal_division|PNV1|H1|||||
PB2|Ban Phong trào|internal_division|MT1|H1|||||
PB3|Tổ Tuyên truyền|internal_division|PB2|H1|||||
PB4|Tổ Đảng vụ|internal_division|PNV1|H1|||party||
`

// fixturePeople: id|name|died_on.
var indFixturePeople = `
P01|Nguyễn Văn An|
P02|Trần Văn Bình|
P03|Lê Thị Cúc|2018-10-01
P04|Phạm Văn Dũng|
P05|Hoàng Văn Em|
P06|Vũ Thị Giang|
P07|Hoàng Văn Giáp|
P08|Vũ Văn Hải|
P09|Đặng Văn Khoa|
P12|Bùi Thị Lan|
P13|Đỗ Văn Mạnh|2018-01-01
P14|Ngô Thị Na|
P15|Dương Văn Oanh|
P16|Lý Văn Phúc|2018-11-15
P17|Mai Thị Quỳnh|
P18|Trịnh Văn Sơn|
P19|Đinh Văn Tâm|
P20|Lưu Văn Tú|
P21|Tạ Thị Uyên|
P22|Chu Văn Vinh|
P23|Phan Thị Xuân|
P24|Hà Văn Yên|
P25|Kiều Văn Ánh|
P26|Lò Văn Bắc|
P30|Nông Thị Cảnh|
P31|Triệu Văn Định|
P32|Âu Thị Êm|
P33|Cao Văn Hưng|
P34|Đào Thị Hồng|
P35|Quách Văn Khải|
P36|Tôn Thị Liên|
P40|Giáp Văn Long|
P41|Thân Thị Mai|
P42|Lã Văn Nam|2018-11-01
P43|Khúc Thị Oanh|
P44|Ông Văn Phong|
P45|Viên Thị Quế|
P46|Văn Đức Sang|
P47|Tăng Thị Thu|
P48|Mạc Văn Trung|
P49|Hứa Thị Vân|
P50|La Văn Xuyên|2018-07-01
`

// fixtureAssignments: person|unit|role|from|to|how.
var indFixtureAssignments = `
P01|HU1|secretary|2015-10-01||elected
P01|HD1|chair|2018-06-01||elected
P02|HU2|secretary|2015-10-01||elected
P02|UB2|chair|2016-07-01||elected
P03|BDV1|head|2016-01-01||appointed
P03|MT1|chair|2016-01-01||elected
P04|BTG2|head|2016-01-01||appointed
P04|TT2|director|2016-01-01||appointed
P05|BTG1|head|2016-01-01||appointed
P06|TT1|director|2016-01-01||appointed
P07|DX1|secretary|2015-08-01||elected
P07|HDX1|chair|2016-07-01||elected
P07|UBX1|chair|2019-01-01||elected
P08|DX2|secretary|2015-08-01||elected
P08|HDX2|chair|2016-07-01|2018-12-31|elected
P09|DX3|secretary|2015-08-01||elected
P09|UBX3|chair|2016-07-01||elected
P09|HDX2|chair|2018-12-31||elected
P12|VPX1|civil_servant|2016-01-01||recruited
P13|VPX2|civil_servant|2016-01-01||recruited
P14|UBX1|vice_chair|2016-07-01||elected
P15|MTX1|chair|2014-09-01||elected
P16|DX1|deputy_secretary|2015-08-01||elected
P17|DX1|committee_member|2015-08-01||elected
P18|HD1|vice_chair|2016-07-01||elected
P19|UBX1|vice_chair|2019-01-01||elected
P20|V1|village_head|2014-01-01||elected
P21|V2|village_head|2014-01-01||elected
P22|V3|village_head|2014-01-01||elected
P23|V1|deputy_village_head|2015-01-01||elected
P24|V2|deputy_village_head|2015-01-01||elected
P25|V3|deputy_village_head|2015-01-01|2018-05-30|elected
P26|V3|deputy_village_head|2019-01-01||elected
P30|UBX1|civil_servant|2018-05-30||recruited
P31|UBX2|civil_servant|2018-12-31||recruited
P32|UBX3|civil_servant|2018-08-01||recruited
P33|UBX3|civil_servant|2018-09-01||recruited
P34|UB1|civil_servant|2018-07-01||recruited
P35|UBX1|civil_servant|2018-07-01||recruited
P36|UBX1|civil_servant|2019-01-01||recruited
`

// fixtureQualifications: person|kind|level|obtained_on.
var indFixtureQualifications = `
P07|education|university|2000-06-30
P07|political_theory|intermediate|2010-01-01
P08|education|college|2019-03-01
P08|education|intermediate|1999-06-30
P08|political_theory|advanced|
P09|education|doctor|2005-06-30
P09|political_theory|elementary|2001-01-01
P14|education|intermediate|2001-06-30
P14|political_theory|intermediate|2018-06-15
P15|education|college|2018-12-31
P16|education|university|1990-06-30
P16|political_theory|bachelor|1995-01-01
P12|education|university|2005-06-30
P30|education|university|2010-06-30
P31|education|master|2015-06-30
P32|education|college|2010-06-30
P33|education|university|2018-10-01
P34|education|university|2010-06-30
P35|education|university|2012-06-30
P36|education|university|2012-06-30
`

// fixtureParty: person|event|date|unit|status (rows of one person in order).
var indFixtureParty = `
P01|admitted|2001-01-01|HU1|
P01|recognized|2002-01-01||
P07|admitted|2000-01-01|DX1|
P07|recognized|2001-01-01||
P20|admitted|2010-01-01|CV1|
P20|recognized|2011-01-01||
P21|admitted|2012-01-01|CV2|
P21|recognized|2013-01-01||
P21|removed|2018-06-01||
P23|admitted|2012-01-01|CV1|
P23|recognized|2013-01-01||
P23|transferred_out|2018-09-01||
P24|admitted|2005-01-01|CV2|
P24|recognized|2006-01-01||
P24|transferred|2018-08-01|DX3|
P40|admitted|2018-03-01|DX3|
P40|recognized|2019-03-01||
P41|admitted|2018-06-15|CV1|
P42|admitted|2000-01-01|DX1|
P42|recognized|2001-01-01||
P43|transferred_in|2018-04-01|DX2|probationary
P43|recognized|2018-04-01||
P44|admitted|2010-01-01|CE1|
P44|recognized|2011-01-01||
P45|admitted|2010-01-01|CE2|
P45|recognized|2011-01-01||
P46|admitted|2010-01-01|CE3|
P46|recognized|2011-01-01||
P47|admitted|2010-01-01|DE3|
P47|recognized|2011-01-01||
P48|admitted|2019-01-05|DX1|
P49|admitted|2010-01-01|CE4|
P49|recognized|2011-01-01||
P50|admitted|2005-01-01|DX1|
P50|recognized|2006-01-01||
P50|died|2018-07-01||
`

// fixtureHeadcount: unit|date|actual.
var indFixtureHeadcount = `
UB1|2015-01-01|20
UB1|2018-07-01|18
HU1|2015-01-01|6
MT1|2015-01-01|8
PB1|2018-12-31|5
PB3|2016-01-01|3
PB3|2019-01-01|7
PB4|2016-01-01|4
HU3|2015-01-01|10
E1|2016-01-01|50
`

// fixture returns the indicator fixture as a bundle.
func indFixture() bundle.Tables {
	t := bundle.Tables{}
	add := func(file, text string, cols ...string) {
		for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
			cells := strings.Split(line, "|")
			row := map[string]string{}
			for i, c := range cols {
				row[c] = cells[i]
			}
			if file == "units" && row["valid_from"] == "" {
				row["valid_from"] = "2000-01-01"
			}
			t.Add(file, row)
		}
	}
	add("units", indFixtureUnits, "id", "name", "kind", "parent_id", "locality_id", "host_id", "ownership", "sector", "valid_from", "valid_to")
	add("people", indFixturePeople, "id", "full_name", "died_on")
	add("assignments", indFixtureAssignments, "person_id", "unit_id", "role", "valid_from", "valid_to", "how")
	add("qualifications", indFixtureQualifications, "person_id", "kind", "level", "obtained_on")
	add("party", indFixtureParty, "person_id", "event", "date", "unit_id", "status")
	add("headcount", indFixtureHeadcount, "unit_id", "date", "actual")
	return t
}
