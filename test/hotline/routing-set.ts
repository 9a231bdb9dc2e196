/**
 * Difficulties as commune officials write them in a hotline group (with and without
 * diacritics, with abbreviations, and the seeds' own sentences, marked "seed"), each
 * labelled with the department that should answer it. `also` lists departments that
 * would be as right (a sentence naming two agencies' work).
 */
export interface LabelledDifficulty {
  text: string;
  expected: string;
  also?: string[];
  seed?: true;
}

export const ROUTING_SET: LabelledDifficulty[] = [
  // Seeds (../shared/seeds), the sentences as published.
  { seed: true, expected: 'KHCN', text: 'Đề nghị Sở Khoa học và Công nghệ nâng cấp phần mềm motcua.phutho.gov.vn và tổ chức tập huấn trực tiếp tại xã cho cán bộ tiếp nhận và giải quyết thủ tục hành chính.' },
  { seed: true, expected: 'YT', also: ['NV'], text: 'Hướng dẫn việc thành lập Trạm y tế xã.' },
  { seed: true, expected: 'TC', text: 'Hướng dẫn thực hiện công tác tài chính kế toán xã.' },
  { seed: true, expected: 'CA', text: 'Bố trí thêm máy móc hỗ trợ cài đặt VneID mức độ 2 tại Công an xã, đảm bảo thuận tiện cho nhân dân.' },
  { seed: true, expected: 'NV', text: 'Tăng cường tập huấn nghiệp vụ chuyên môn cho các cán bộ công chức xã.' },
  { seed: true, expected: 'NV', text: 'Xem xét, bổ sung chỉ tiêu biên chế công chức cấp xã theo vị trí việc làm.' },
  { seed: true, expected: 'NNMT', text: 'Quan tâm khắc phục hậu quả dịch tả lợn Châu Phi tại các xã bị ảnh hưởng nặng nề.' },
  { seed: true, expected: 'NNMT', text: 'Đảm bảo hành lang đê; phòng chống sạt lở đất đồi.' },
  { seed: true, expected: 'XD', also: ['SCT'], text: 'Quan tâm quy hoạch, đầu tư xây dựng tuyến đường kết nối các địa phương và khu, cụm công nghiệp.' },
  { seed: true, expected: 'NV', text: 'Số lượng cán bộ, công chức sau sáp nhập nhiều nhưng biên chế chưa bố trí hợp lý. Một số vị trí kiêm nhiệm nhiều việc, áp lực cao.' },
  { seed: true, expected: 'VP', text: 'Cổng dịch vụ công quốc gia đôi lúc quá tải, không cho phép đăng nhập, dẫn đến khó khăn trong việc hướng dẫn công dân nộp hồ sơ giải quyết thủ tục hành chính.' },
  { seed: true, expected: 'CA', text: 'Một số người dân chưa cài đặt VneID mức độ 1, mức độ 2 gặp nhiều khó khăn trong giao dịch thủ tục hành chính.' },
  { seed: true, expected: 'NV', text: 'Khối lượng tài liệu tồn đọng chưa được chỉnh lý theo nghiệp vụ lưu trữ còn lớn.' },
  { seed: true, expected: 'DTTG', text: 'Việc thực hiện chính sách hỗ trợ xóa nhà tạm, nhà dột nát còn gặp khó khăn do một số hộ dân không có khả năng đối ứng hoặc thiếu điều kiện về đất ở.' },
  { seed: true, expected: 'NNMT', text: 'Bố trí cán bộ Chi nhánh Văn phòng Đăng ký đất đai tại Trung tâm Phục vụ hành chính công cấp xã để cấp Giấy chứng nhận quyền sử dụng đất.' },
  { seed: true, expected: 'TC', text: 'Đầu tư thêm thiết bị, cơ sở vật chất cho Trung tâm Phục vụ hành chính công cấp xã.' },
  { seed: true, expected: 'TC', text: 'Rà soát nhu cầu cơ sở vật chất, trang thiết bị phục vụ hoạt động của chính quyền 2 cấp; ưu tiên các nhu cầu cấp thiết.' },
  { seed: true, expected: 'KHCN', text: 'Hạ tầng công nghệ thông tin, thiết bị phục vụ công tác hành chính còn rất hạn chế, ảnh hưởng trực tiếp đến chất lượng phục vụ người dân.' },
  { seed: true, expected: 'NV', text: 'Chưa có quy định cụ thể về tổ chức, hoạt động và nhân sự của đơn vị sự nghiệp công lập cấp xã.' },
  { seed: true, expected: 'GDDT', also: ['YT'], text: 'Đề xuất hướng dẫn quản lý trường học, trạm y tế sau khi được phân cấp.' },
  { seed: true, expected: 'TC', text: 'Đề nghị hỗ trợ giải ngân vốn đầu tư công, tỷ lệ giải ngân của xã còn thấp.' },
  { seed: true, expected: 'YT', also: ['GDDT'], text: 'Cơ sở vật chất trường học, trạm y tế xuống cấp.' },
  // Khoa học và Công nghệ: one-stop software, IT, digital transformation.
  { expected: 'KHCN', text: 'phan mem mot cua bi loi khong dang nhap duoc tu sang nay' },
  { expected: 'KHCN', text: 'Phần mềm một cửa điện tử không đồng bộ hồ sơ, đề nghị Sở hỗ trợ gấp' },
  { expected: 'KHCN', text: 'xa thieu can bo cntt, may tinh cau hinh yeu' },
  { expected: 'KHCN', text: 'Đường truyền internet tại trụ sở xã chập chờn, không ký số được' },
  { expected: 'KHCN', text: 'chua duoc cap chu ky so cho lanh dao xa moi' },
  { expected: 'KHCN', text: 'Hướng dẫn triển khai chuyển đổi số cấp xã, số hóa hồ sơ tồn' },
  { expected: 'KHCN', text: 'CĐS: xin tài liệu hướng dẫn kỹ năng số cho tổ công nghệ số cộng đồng' },
  { expected: 'KHCN', text: 'tai khoan phan mem motcua cua can bo moi chua duoc cap' },
  // Nội vụ: staffing, civil servants, regimes and policies, archives.
  { expected: 'NV', text: 'xa con thieu 3 bien che cong chuc dia chinh, de nghi bo sung' },
  { expected: 'NV', text: 'Hướng dẫn giải quyết chế độ chính sách cho cán bộ nghỉ việc theo Nghị định 178' },
  { expected: 'NV', text: 'che do phu cap cho can bo khong chuyen trach sau sap xep the nao' },
  { expected: 'NV', text: 'Vướng mắc đóng BHXH cho cán bộ chuyển công tác sau sáp nhập' },
  { expected: 'NV', text: 'de nghi huong dan ky hop dong lao dong tai xa' },
  { expected: 'NV', text: 'Kho lưu trữ của các xã cũ chưa được bàn giao, hồ sơ lưu trữ để lẫn lộn' },
  { expected: 'NV', text: 'Xin hướng dẫn tuyển dụng viên chức cho đơn vị sự nghiệp công lập của xã' },
  { expected: 'NV', text: 'CBCC xa chua duoc dao tao boi duong ve nghiep vu moi' },
  { expected: 'NV', text: 'Đề nghị hướng dẫn hồ sơ người có công khi chuyển về cấp xã giải quyết' },
  // Tài chính: budget, accounting, public assets, public investment, business registration.
  { expected: 'TC', text: 'Xã chưa được giao dự toán ngân sách năm 2026' },
  { expected: 'TC', text: 'chua co ma quan he ngan sach nen khong chi duoc' },
  { expected: 'TC', text: 'Hướng dẫn xử lý tài sản công dôi dư sau sắp xếp, các trụ sở cũ bỏ trống' },
  { expected: 'TC', text: 'tru so doi du cua xa cu xu ly the nao' },
  { expected: 'TC', text: 'Đăng ký kinh doanh hộ kinh doanh nay xã làm hay tỉnh làm?' },
  { expected: 'TC', text: 'ke toan xa moi chua nam duoc phan mem ke toan' },
  { expected: 'TC', text: 'Đề nghị bổ sung kinh phí mua sắm trang thiết bị cho bộ phận một cửa' },
  // Công an tỉnh: VNeID, identification, resident data.
  { expected: 'CA', text: 'nhieu nguoi dan chua kich hoat duoc vneid muc 2' },
  { expected: 'CA', text: 'Dữ liệu dân cư sai lệch, không khớp khi nộp hồ sơ trực tuyến' },
  { expected: 'CA', text: 'can them may doc cccd gan chip tai xa' },
  { expected: 'CA', text: 'Thủ tục đăng ký thường trú, tạm trú sau khi đổi tên xã' },
  // Y tế: health stations, social protection, children.
  { expected: 'YT', text: 'Tram y te xa thieu bac si, thuoc cap khong du' },
  { expected: 'YT', text: 'Hướng dẫn chi trả trợ cấp xã hội cho người cao tuổi, người khuyết tật' },
  { expected: 'YT', text: 'Hồ sơ bảo trợ xã hội chuyển về xã giải quyết nhưng chưa có phần hướng dẫn nghiệp vụ' },
  { expected: 'YT', text: 'Công tác bảo vệ trẻ em có hoàn cảnh đặc biệt giao cho công chức nào?' },
  { expected: 'YT', text: 'tyt xa chua co nhan vien y te du' },
  // Nông nghiệp và Môi trường: land, environment, agriculture, livestock disease, dykes.
  { expected: 'NNMT', text: 'cap gcn qsdd cho dan bi cham do chua co can bo van phong dang ky dat dai' },
  { expected: 'NNMT', text: 'Vướng mắc cấp giấy chứng nhận quyền sử dụng đất lần đầu' },
  { expected: 'NNMT', text: 'Rác thải sinh hoạt ùn ứ, chưa có đơn vị thu gom' },
  { expected: 'NNMT', text: 'dich ta lon chau phi lai bung phat o 2 thon, can hoa chat tieu doc' },
  { expected: 'NNMT', text: 'Đê tả sông Hồng đoạn qua xã có nguy cơ sạt lở' },
  { expected: 'NNMT', text: 'Hướng dẫn chính sách hỗ trợ phát triển sản xuất nông nghiệp' },
  { expected: 'NNMT', text: 'ho tro cay giong cho ho bi thiet hai do bao' },
  { expected: 'NNMT', text: 'Ô nhiễm nước thải từ trang trại chăn nuôi lợn' },
  { expected: 'NNMT', text: 'thu hoi dat lam duong, dan chua dong y muc boi thuong' },
  // Giáo dục và Đào tạo: schools, teachers.
  { expected: 'GDDT', text: 'truong mam non thieu giao vien, xin bo sung hop dong' },
  { expected: 'GDDT', text: 'Điểm trường lẻ xuống cấp, học sinh phải học nhờ' },
  { expected: 'GDDT', text: 'Hướng dẫn quản lý các trường tiểu học, THCS sau khi chuyển về xã' },
  { expected: 'GDDT', text: 'Tuyển sinh lớp 6 năm học tới do xã hay phòng giáo dục cũ thực hiện?' },
  // Xây dựng: construction, roads, unfinished projects.
  { expected: 'XD', text: 'Đường liên xã xuống cấp nghiêm trọng, đề nghị sửa chữa' },
  { expected: 'XD', text: 'cap giay phep xay dung nha o nay thuoc tham quyen xa chua ro' },
  { expected: 'XD', text: 'Các dự án dở dang của huyện cũ chưa bàn giao chủ đầu tư' },
  { expected: 'XD', text: 'Cầu treo qua suối bị hư hỏng, nguy hiểm cho người qua lại' },
  { expected: 'XD', text: 'Xử lý vi phạm trật tự xây dựng sau khi bỏ cấp huyện' },
  // Tư pháp: certification, civil status, legal documents.
  { expected: 'TP', text: 'Chứng thực bản sao điện tử từ bản chính còn vướng' },
  { expected: 'TP', text: 'phan mem ho tich khong cap duoc so dinh danh cho tre khai sinh' },
  { expected: 'TP', text: 'Đăng ký kết hôn có yếu tố nước ngoài nay xã có làm không' },
  { expected: 'TP', text: 'Hướng dẫn rà soát văn bản quy phạm pháp luật của HĐND, UBND các xã cũ' },
  { expected: 'TP', text: 'xin mau trich luc ho tich moi' },
  // Công Thương: electricity, industrial clusters, trade.
  { expected: 'SCT', text: 'Lưới điện thôn Đồng Mới yếu, mất điện thường xuyên' },
  { expected: 'SCT', text: 'Cụm công nghiệp của xã chưa có nhà đầu tư hạ tầng' },
  { expected: 'SCT', text: 'cho xa xuong cap, de nghi ho tro cai tao cho' },
  { expected: 'SCT', text: 'Ho tro tieu thu san pham OCOP cua xa' },
  // Văn hóa, Thể thao và Du lịch: culture and sports centres.
  { expected: 'VHTTDL', text: 'Trung tâm văn hóa thể thao xã chưa có người quản lý' },
  { expected: 'VHTTDL', text: 'Nhà văn hóa thôn xuống cấp, cần hỗ trợ sửa chữa' },
  { expected: 'VHTTDL', text: 'dai truyen thanh xa bi hong loa, chua co kinh phi thay' , also: ['TC'] },
  { expected: 'VHTTDL', text: 'Hồ sơ xếp hạng di tích đình làng gửi về đâu?' },
  // Dân tộc và Tôn giáo: temporary housing, ethnic minorities, religion.
  { expected: 'DTTG', text: 'Xoa nha tam: 5 ho chua co dat o de xay nha' },
  { expected: 'DTTG', text: 'Chính sách cho người có uy tín trong đồng bào dân tộc thiểu số' },
  { expected: 'DTTG', text: 'Cơ sở tôn giáo xin sửa chữa nhà thờ' },
  // Quân sự: commune military.
  { expected: 'BCHQS', text: 'Ban chỉ huy quân sự xã chưa có trụ sở làm việc' },
  { expected: 'BCHQS', text: 'huong dan cong tac tuyen quan nam nay khi khong con cap huyen' },
  { expected: 'BCHQS', text: 'Chế độ cho lực lượng dân quân tự vệ thường trực' },
  // Văn phòng UBND tỉnh: administrative procedures, the public service portal.
  { expected: 'VP', text: 'Bộ thủ tục hành chính cấp xã chưa được công bố đầy đủ' },
  { expected: 'VP', text: 'dich vu cong truc tuyen bao loi khi thanh toan le phi' },
  { expected: 'VP', text: 'Quy trình nội bộ giải quyết TTHC của xã chưa được phê duyệt' },
  // Thanh tra tỉnh.
  { expected: 'TTT', text: 'Đơn thư khiếu nại tồn đọng từ huyện cũ chuyển về xã giải quyết thế nào' },
  { expected: 'TTT', text: 'lich tiep cong dan cua chu tich xa thuc hien theo quy dinh nao' },
];
