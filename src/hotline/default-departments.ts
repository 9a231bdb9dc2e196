/**
 * The provincial agencies a commune may need after the 2025 restructuring (sở, ngành cấp
 * tỉnh), the fields (lĩnh vực) each answers for, and the keywords that route a difficulty
 * to it. These are the defaults: the demo store holds them for every demo province, and
 * `npm run import -- departments FILE` replaces them for a real province (same shape, one
 * row per department and field). Keywords are written as officials write them; routing
 * compares them without diacritics (./text-key.ts).
 */

export interface DefaultField {
  name: string;
  keywords: string[];
}

export interface DefaultDepartment {
  /** Short code, unique in a province: what `/chuyen KN-0042 NV` and the choices send. */
  code: string;
  name: string;
  /** Working days to answer a recommendation. */
  answerDays: number;
  fields: DefaultField[];
}

export const DEFAULT_ANSWER_DAYS = 5;

export const DEFAULT_DEPARTMENTS: DefaultDepartment[] = [
  {
    code: 'NV',
    name: 'Sở Nội vụ',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      {
        name: 'Tổ chức bộ máy, biên chế',
        keywords: [
          'biên chế', 'chỉ tiêu biên chế', 'vị trí việc làm', 'tổ chức bộ máy', 'sắp xếp cán bộ', 'bố trí cán bộ', 'nhân sự', 'nhân lực',
          'thiếu cán bộ', 'thiếu công chức', 'bổ sung cán bộ', 'bổ sung công chức', 'tuyển dụng', 'công chức', 'viên chức', 'cán bộ công chức',
          'kiêm nhiệm', 'đơn vị sự nghiệp công lập', 'hợp đồng lao động', 'ký hợp đồng', 'đào tạo bồi dưỡng', 'tập huấn nghiệp vụ',
          'tập huấn chuyên môn', 'bồi dưỡng nghiệp vụ', 'chức năng nhiệm vụ', 'cán bộ dôi dư', 'phòng chuyên môn', 'luân chuyển',
        ],
      },
      {
        name: 'Chế độ, chính sách',
        keywords: [
          'chế độ chính sách', 'chế độ', 'chính sách nghỉ việc', 'tinh giản', 'nghỉ hưu', 'nghỉ việc', 'phụ cấp', 'tiền lương', 'lương',
          'bảo hiểm xã hội', 'người có công', 'thương binh', 'liệt sĩ', 'thi đua khen thưởng', 'khen thưởng', 'lao động việc làm', 'xuất khẩu lao động',
        ],
      },
      { name: 'Văn thư, lưu trữ', keywords: ['lưu trữ', 'tài liệu tồn đọng', 'chỉnh lý tài liệu', 'nghiệp vụ lưu trữ', 'văn thư', 'hồ sơ lưu trữ', 'kho lưu trữ'] },
    ],
  },
  {
    code: 'TP',
    name: 'Sở Tư pháp',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      { name: 'Chứng thực', keywords: ['chứng thực', 'sao y', 'chứng thực bản sao', 'chứng thực chữ ký', 'chứng thực hợp đồng'] },
      {
        name: 'Hộ tịch',
        keywords: ['hộ tịch', 'khai sinh', 'khai tử', 'kết hôn', 'đăng ký kết hôn', 'trích lục', 'tình trạng hôn nhân', 'cải chính', 'giám hộ', 'nhận cha mẹ con', 'phần mềm hộ tịch'],
      },
      {
        name: 'Văn bản pháp luật',
        keywords: [
          'văn bản quy phạm pháp luật', 'văn bản pháp luật', 'kiểm tra văn bản', 'rà soát văn bản', 'pháp chế', 'phổ biến giáo dục pháp luật',
          'hòa giải cơ sở', 'trợ giúp pháp lý', 'lý lịch tư pháp', 'thẩm quyền ban hành', 'xử lý vi phạm hành chính',
        ],
      },
    ],
  },
  {
    code: 'TC',
    name: 'Sở Tài chính',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      {
        name: 'Ngân sách, kế toán',
        keywords: [
          'ngân sách', 'kinh phí', 'dự toán', 'quyết toán', 'kế toán', 'tài chính', 'tài chính kế toán', 'thu chi', 'mã quan hệ ngân sách',
          'tài khoản kho bạc', 'kho bạc', 'chi thường xuyên', 'cấp kinh phí', 'hỗ trợ kinh phí', 'phần mềm kế toán',
        ],
      },
      {
        name: 'Tài sản công',
        keywords: [
          'tài sản công', 'tài sản dôi dư', 'trụ sở dôi dư', 'xe công', 'thanh lý tài sản', 'bàn giao tài sản', 'trang thiết bị', 'thiết bị',
          'cơ sở vật chất', 'máy móc thiết bị', 'trụ sở cũ', 'mua sắm',
        ],
      },
      { name: 'Đầu tư công', keywords: ['đầu tư công', 'giải ngân', 'vốn đầu tư', 'kế hoạch vốn', 'giải ngân vốn', 'chủ đầu tư', 'nguồn vốn'] },
      { name: 'Đăng ký kinh doanh', keywords: ['đăng ký kinh doanh', 'hộ kinh doanh', 'doanh nghiệp', 'thành lập doanh nghiệp', 'hợp tác xã', 'mã số thuế'] },
    ],
  },
  {
    code: 'SCT',
    name: 'Sở Công Thương',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      {
        name: 'Điện',
        keywords: ['hệ thống điện', 'lưới điện', 'cấp điện', 'mất điện', 'điện lực', 'điện sinh hoạt', 'đường điện', 'trạm biến áp', 'điện chiếu sáng', 'điện nông thôn', 'cột điện'],
      },
      { name: 'Cụm công nghiệp', keywords: ['cụm công nghiệp', 'khu công nghiệp', 'khu cụm công nghiệp', 'khuyến công', 'làng nghề'] },
      { name: 'Thương mại', keywords: ['thương mại', 'chợ', 'cải tạo chợ', 'chợ dân sinh', 'xúc tiến thương mại', 'quản lý thị trường', 'hàng giả', 'xăng dầu', 'tiêu thụ sản phẩm', 'sản phẩm ocop'] },
    ],
  },
  {
    code: 'NNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      {
        name: 'Đất đai',
        keywords: [
          'đất đai', 'giấy chứng nhận quyền sử dụng đất', 'quyền sử dụng đất', 'giấy chứng nhận', 'sổ đỏ', 'cấp giấy chứng nhận', 'văn phòng đăng ký đất đai',
          'đăng ký đất đai', 'đo đạc', 'địa chính', 'thu hồi đất', 'giải phóng mặt bằng', 'bồi thường', 'giao đất', 'chuyển mục đích sử dụng đất',
          'đất ở', 'bản đồ địa chính', 'tranh chấp đất',
        ],
      },
      { name: 'Môi trường', keywords: ['môi trường', 'rác thải', 'nước thải', 'ô nhiễm', 'tài nguyên', 'khoáng sản', 'tài nguyên môi trường', 'nước sạch', 'bãi rác'] },
      {
        name: 'Nông nghiệp',
        keywords: [
          'nông nghiệp', 'trồng trọt', 'cây trồng', 'sản xuất nông nghiệp', 'phát triển sản xuất', 'thủy lợi', 'lâm nghiệp', 'rừng', 'nông thôn mới',
          'giảm nghèo', 'hộ nghèo', 'thủy sản', 'khuyến nông',
        ],
      },
      {
        name: 'Chăn nuôi, thú y',
        keywords: ['dịch tả lợn', 'dịch tả lợn châu phi', 'lở mồm long móng', 'cúm gia cầm', 'chăn nuôi', 'thú y', 'gia súc', 'gia cầm', 'tiêu độc', 'dịch bệnh động vật', 'tiêm phòng vắc xin cho đàn'],
      },
      { name: 'Đê điều, phòng chống thiên tai', keywords: ['đê', 'đê điều', 'hành lang đê', 'sạt lở', 'sạt lở đất', 'thiên tai', 'lũ', 'lũ quét', 'bão', 'phòng chống thiên tai', 'ngập úng', 'kè'] },
    ],
  },
  {
    code: 'XD',
    name: 'Sở Xây dựng',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      { name: 'Xây dựng', keywords: ['xây dựng', 'cấp phép xây dựng', 'giấy phép xây dựng', 'công trình xây dựng', 'trật tự xây dựng', 'xây dựng cơ bản', 'nhà ở xã hội'] },
      { name: 'Giao thông', keywords: ['giao thông', 'đường giao thông', 'tuyến đường', 'đường liên xã', 'đường nông thôn', 'cây cầu', 'cầu qua', 'cầu cống', 'cầu tràn', 'cầu treo', 'cầu dân sinh', 'đường xuống cấp', 'vận tải', 'đèn tín hiệu'] },
      { name: 'Dự án dở dang, quy hoạch', keywords: ['dự án dở dang', 'công trình dở dang', 'dự án chuyển tiếp', 'dở dang', 'quy hoạch', 'quy hoạch xây dựng', 'quy hoạch chung', 'sửa chữa trụ sở'] },
    ],
  },
  {
    code: 'KHCN',
    name: 'Sở Khoa học và Công nghệ',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      {
        name: 'Phần mềm một cửa',
        keywords: ['phần mềm một cửa', 'một cửa điện tử', 'motcua', 'hệ thống một cửa', 'hệ thống thông tin giải quyết thủ tục hành chính', 'nâng cấp phần mềm', 'phần mềm', 'tài khoản phần mềm', 'lỗi phần mềm'],
      },
      {
        name: 'Công nghệ thông tin',
        keywords: ['công nghệ thông tin', 'máy tính', 'mạng internet', 'đường truyền', 'chữ ký số', 'hạ tầng số', 'wifi', 'máy chủ', 'an toàn thông tin', 'hạ tầng công nghệ thông tin', 'máy scan', 'máy quét', 'mạng lan'],
      },
      { name: 'Chuyển đổi số', keywords: ['chuyển đổi số', 'số hóa', 'số hóa hồ sơ', 'dữ liệu số', 'nền tảng số', 'kỹ năng số'] },
      { name: 'Khoa học, công nghệ', keywords: ['khoa học công nghệ', 'đổi mới sáng tạo', 'sáng kiến', 'tiêu chuẩn đo lường', 'sở hữu trí tuệ'] },
    ],
  },
  {
    code: 'GDDT',
    name: 'Sở Giáo dục và Đào tạo',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      {
        name: 'Trường học',
        keywords: ['trường học', 'trường mầm non', 'mầm non', 'tiểu học', 'trung học cơ sở', 'điểm trường', 'phòng học', 'bán trú', 'quản lý trường học', 'cơ sở vật chất trường học', 'trường', 'giáo dục'],
      },
      { name: 'Giáo viên', keywords: ['giáo viên', 'thiếu giáo viên', 'biên chế giáo viên', 'hợp đồng giáo viên', 'giáo viên hợp đồng', 'hiệu trưởng'] },
      { name: 'Học sinh', keywords: ['học sinh', 'tuyển sinh', 'sách giáo khoa', 'học phí', 'phổ cập giáo dục'] },
    ],
  },
  {
    code: 'YT',
    name: 'Sở Y tế',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      {
        name: 'Trạm y tế',
        keywords: ['trạm y tế', 'y tế', 'y tế xã', 'bác sĩ', 'thuốc', 'khám chữa bệnh', 'bảo hiểm y tế', 'tiêm chủng', 'y tế cơ sở', 'nhân viên y tế', 'sốt xuất huyết', 'an toàn thực phẩm'],
      },
      {
        name: 'Bảo trợ xã hội',
        keywords: ['bảo trợ xã hội', 'trợ cấp xã hội', 'trợ cấp', 'người cao tuổi', 'người khuyết tật', 'an sinh xã hội', 'trợ giúp xã hội', 'đối tượng bảo trợ'],
      },
      { name: 'Trẻ em', keywords: ['trẻ em', 'bảo vệ trẻ em', 'chăm sóc trẻ em', 'trẻ em có hoàn cảnh đặc biệt', 'bình đẳng giới'] },
    ],
  },
  {
    code: 'VHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      { name: 'Văn hóa', keywords: ['văn hóa', 'nhà văn hóa', 'trung tâm văn hóa', 'di tích', 'lễ hội', 'thư viện', 'gia đình văn hóa'] },
      { name: 'Thể thao', keywords: ['thể thao', 'trung tâm văn hóa thể thao', 'sân vận động', 'nhà thi đấu', 'thể dục thể thao', 'sân thể thao'] },
      { name: 'Du lịch', keywords: ['du lịch', 'điểm du lịch', 'homestay'] },
      { name: 'Thông tin cơ sở', keywords: ['đài truyền thanh', 'loa truyền thanh', 'truyền thanh', 'thông tin cơ sở', 'báo chí', 'truyền thông'] },
    ],
  },
  {
    code: 'DTTG',
    name: 'Sở Dân tộc và Tôn giáo',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      { name: 'Xóa nhà tạm', keywords: ['nhà tạm', 'xóa nhà tạm', 'nhà dột nát', 'nhà tạm nhà dột nát', 'hỗ trợ nhà ở'] },
      { name: 'Dân tộc thiểu số', keywords: ['dân tộc thiểu số', 'đồng bào dân tộc', 'vùng đồng bào', 'người có uy tín', 'công tác dân tộc', 'chương trình mục tiêu quốc gia dân tộc'] },
      { name: 'Tôn giáo', keywords: ['tôn giáo', 'tín ngưỡng', 'cơ sở tôn giáo', 'nhà thờ', 'chùa', 'chức sắc'] },
    ],
  },
  {
    code: 'TTT',
    name: 'Thanh tra tỉnh',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      { name: 'Khiếu nại, tố cáo', keywords: ['khiếu nại', 'tố cáo', 'đơn thư', 'tiếp công dân', 'khiếu kiện', 'đơn thư vượt cấp'] },
      { name: 'Thanh tra, phòng chống tham nhũng', keywords: ['thanh tra', 'tham nhũng', 'phòng chống tham nhũng', 'kê khai tài sản', 'kết luận thanh tra'] },
    ],
  },
  {
    code: 'VP',
    name: 'Văn phòng UBND tỉnh',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      {
        name: 'Thủ tục hành chính',
        keywords: ['thủ tục hành chính', 'kiểm soát thủ tục hành chính', 'bộ thủ tục', 'quy trình nội bộ', 'công bố thủ tục', 'danh mục thủ tục', 'quy trình giải quyết'],
      },
      {
        name: 'Cổng dịch vụ công',
        keywords: ['cổng dịch vụ công', 'dịch vụ công', 'dịch vụ công trực tuyến', 'dịch vụ công quốc gia', 'nộp hồ sơ trực tuyến', 'thanh toán trực tuyến', 'cổng dịch vụ công quốc gia'],
      },
      { name: 'Chỉ đạo, điều hành', keywords: ['văn bản chỉ đạo', 'ý kiến chỉ đạo', 'lịch làm việc', 'hệ thống quản lý văn bản', 'văn bản điều hành', 'giao ban'] },
    ],
  },
  {
    code: 'CA',
    name: 'Công an tỉnh',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      { name: 'Định danh điện tử', keywords: ['vneid', 'định danh', 'định danh điện tử', 'tài khoản định danh', 'mức độ 2', 'căn cước', 'căn cước công dân', 'thẻ căn cước'] },
      { name: 'Dữ liệu dân cư', keywords: ['dữ liệu dân cư', 'cơ sở dữ liệu quốc gia về dân cư', 'cư trú', 'hộ khẩu', 'tạm trú', 'thường trú', 'làm sạch dữ liệu', 'dữ liệu dân cư sai'] },
      { name: 'An ninh, trật tự', keywords: ['an ninh trật tự', 'an ninh', 'trật tự an toàn xã hội', 'phòng cháy chữa cháy', 'ma túy', 'công an xã', 'tội phạm'] },
    ],
  },
  {
    code: 'BCHQS',
    name: 'Bộ Chỉ huy Quân sự tỉnh',
    answerDays: DEFAULT_ANSWER_DAYS,
    fields: [
      {
        name: 'Quân sự địa phương',
        keywords: ['quân sự', 'ban chỉ huy quân sự', 'dân quân', 'dân quân tự vệ', 'nghĩa vụ quân sự', 'tuyển quân', 'quốc phòng', 'giáo dục quốc phòng', 'huấn luyện dân quân', 'quân sự xã', 'giao quân'],
      },
    ],
  },
];
