/**
 * The words of free-form questions, folded (no diacritics, lower case): the chat
 * abbreviations officials use, the cue phrases that say what is asked, and the filler words
 * that say nothing. One table per kind, so a misread question is fixed by adding a row.
 */

/** Chat abbreviations and misspellings → what they stand for (with diacritics, as shown back). */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['ko', 'không'],
  ['k', 'không'],
  ['kh', 'không'],
  ['kg', 'không'],
  ['hok', 'không'],
  ['hong', 'không'],
  ['khog', 'không'],
  ['bn', 'bao nhiêu'],
  ['bnh', 'bao nhiêu'],
  ['bnhieu', 'bao nhiêu'],
  ['bnhiu', 'bao nhiêu'],
  ['baonhieu', 'bao nhiêu'],
  ['nhiu', 'nhiêu'],
  ['hs', 'hồ sơ'],
  ['hso', 'hồ sơ'],
  ['qh', 'quá hạn'],
  ['quahan', 'quá hạn'],
  ['tt', 'trực tuyến'],
  ['tructuyen', 'trực tuyến'],
  ['onl', 'online'],
  ['dh', 'đúng hạn'],
  ['dunghan', 'đúng hạn'],
  ['dc', 'được'],
  ['ds', 'danh sách'],
  ['tq', 'tổng quan'],
  ['xh', 'xếp hạng'],
  ['bxh', 'xếp hạng'],
  ['xephang', 'xếp hạng'],
  ['tct', 'tổ công tác'],
  ['nn&mt', 'Nông nghiệp và Môi trường'],
  ['nnmt', 'Nông nghiệp và Môi trường'],
  ['nn-mt', 'Nông nghiệp và Môi trường'],
  ['khcn', 'Khoa học và Công nghệ'],
  ['kh&cn', 'Khoa học và Công nghệ'],
  ['gddt', 'Giáo dục và Đào tạo'],
  ['gd&dt', 'Giáo dục và Đào tạo'],
  ['sl', 'số liệu'],
  ['tl', 'tỷ lệ'],
  ['tle', 'tỷ lệ'],
  ['hqua', 'hôm qua'],
  ['hnay', 'hôm nay'],
  ['hum', 'hôm'],
  ['wa', 'qua'],
  ['thg', 'tháng'],
  ['j', 'gì'],
  ['ntn', 'như thế nào'],
  ['mk', 'mình'],
  ['mik', 'mình'],
  ['mh', 'mình'],
  ['gq', 'giải quyết'],
  ['tn', 'tiếp nhận'],
  ['kn', 'kiến nghị'],
  ['vm', 'vướng mắc'],
  ['tthc', 'thủ tục hành chính'],
  ['sdt', 'số điện thoại'],
  ['vs', 'với'],
  ['r', 'rồi'],
  ['cx', 'cũng'],
  ['tks', 'cảm ơn'],
  ['thanks', 'cảm ơn'],
  ['thank', 'cảm ơn'],
  ['thx', 'cảm ơn'],
  ['camon', 'cảm ơn'],
  ['hello', 'xin chào'],
  ['helo', 'xin chào'],
  ['hi', 'xin chào'],
  ['alo', 'xin chào'],
]);

/** What a cue phrase tells about the question. */
export type Cue =
  | 'online'
  | 'direct'
  | 'on_time'
  | 'late'
  | 'received'
  | 'resolved'
  | 'in_progress'
  | 'paused'
  | 'due_soon'
  | 'returned'
  | 'rate'
  | 'count'
  | 'dossier'
  | 'rank'
  /** Where one unit stands ("đứng thứ mấy"): its own figures, or the ranking when none is named. */
  | 'position'
  /** A commune of the chat's own ("xã mình"): only a commune's group has one. */
  | 'own'
  | 'low_first'
  | 'high_first'
  | 'list'
  | 'overview'
  | 'update'
  | 'help'
  | 'group'
  /** Registering a chat: the help says how (registration itself is a command, never inferred). */
  | 'register'
  | 'recommendation'
  | 'compare'
  /** What a word or a rate means ("quá hạn là gì"): the help states the rules. */
  | 'definition'
  | 'no_data'
  /** Public-investment disbursement: quoted by working groups' reports, nothing else. */
  | 'disbursement'
  | 'person'
  | 'greeting'
  | 'thanks'
  /** Several words that together say nothing ("ủy ban nhân dân", "cho em hỏi"). */
  | 'filler';

/** The cues that name one figure of a commune's or province's report. */
export const METRIC_CUES = ['online', 'direct', 'on_time', 'late', 'received', 'resolved', 'in_progress', 'paused', 'due_soon', 'returned'] as const;
export type MetricCue = (typeof METRIC_CUES)[number];

/** Cue phrases, folded. Longer phrases win over the shorter ones they contain. */
export const CUE_PHRASES: ReadonlyArray<[string, Cue]> = [
  ['truc tuyen', 'online'],
  ['online', 'online'],
  ['qua mang', 'online'],
  ['dich vu cong', 'online'],
  ['truc tiep', 'direct'],
  ['dung han', 'on_time'],
  ['dung hen', 'on_time'],
  ['truoc han', 'on_time'],
  ['som han', 'on_time'],
  ['qua han', 'late'],
  ['tre han', 'late'],
  ['tre hen', 'late'],
  ['bi tre', 'late'],
  ['cham tre', 'late'],
  ['tiep nhan', 'received'],
  ['nhan', 'received'],
  ['nop', 'received'],
  ['giai quyet', 'resolved'],
  ['xu ly', 'resolved'],
  ['tra ket qua', 'resolved'],
  ['dang giai quyet', 'in_progress'],
  ['dang xu ly', 'in_progress'],
  ['chua giai quyet', 'in_progress'],
  ['ton dong', 'in_progress'],
  ['ton', 'in_progress'],
  ['tam dung', 'paused'],
  ['cho bo sung', 'paused'],
  ['bo sung', 'paused'],
  ['sap den han', 'due_soon'],
  ['sap het han', 'due_soon'],
  ['sap qua han', 'due_soon'],
  ['tra lai', 'returned'],
  ['rut ho so', 'returned'],
  ['ty le', 'rate'],
  ['ti le', 'rate'],
  ['phan tram', 'rate'],
  ['%', 'rate'],
  ['bao nhieu', 'count'],
  ['may', 'count'],
  ['so luong', 'count'],
  ['tong so', 'count'],
  ['ho so', 'dossier'],
  ['thu tuc hanh chinh', 'dossier'],
  ['xep hang', 'rank'],
  ['top', 'rank'],
  ['dung dau', 'high_first'],
  ['cao nhat', 'high_first'],
  ['tot nhat', 'high_first'],
  ['nhieu nhat', 'high_first'],
  ['thap nhat', 'low_first'],
  ['kem nhat', 'low_first'],
  ['it nhat', 'low_first'],
  ['cuoi bang', 'low_first'],
  ['dung cuoi', 'low_first'],
  ['thu may', 'position'],
  ['hang may', 'position'],
  ['thu hang', 'position'],
  ['dung thu', 'position'],
  ['xa nao', 'rank'],
  ['phuong nao', 'rank'],
  ['don vi nao', 'rank'],
  ['danh sach', 'list'],
  ['liet ke', 'list'],
  ['ma ho so', 'list'],
  ['ho so nao', 'list'],
  ['chi tiet', 'list'],
  ['tong quan', 'overview'],
  ['toan tinh', 'overview'],
  ['ca tinh', 'overview'],
  ['tong hop', 'overview'],
  ['tat ca cac xa', 'overview'],
  ['cac xa', 'overview'],
  ['toan bo', 'overview'],
  ['tinh hinh chung', 'overview'],
  ['cap nhat', 'update'],
  ['cap nhap', 'update'],
  ['moi nhat', 'update'],
  ['lan cuoi', 'update'],
  ['nhap du lieu', 'update'],
  ['dong bo', 'update'],
  ['huong dan', 'help'],
  ['tro giup', 'help'],
  ['help', 'help'],
  ['cac lenh', 'help'],
  ['lenh', 'help'],
  ['lam duoc gi', 'help'],
  ['lam gi', 'help'],
  ['hoi duoc gi', 'help'],
  ['hoi gi', 'help'],
  ['cach dung', 'help'],
  ['cach su dung', 'help'],
  ['su dung', 'help'],
  ['su dung the nao', 'help'],
  ['dung the nao', 'help'],
  ['dung nhu the nao', 'help'],
  ['to cong tac', 'group'],
  ['dang ky', 'register'],
  ['dang ki', 'register'],
  ['to truong', 'group'],
  ['to minh', 'group'],
  ['to cua minh', 'group'],
  ['to nay', 'group'],
  ['kien nghi', 'recommendation'],
  ['vuong mac', 'recommendation'],
  ['de xuat', 'recommendation'],
  ['phan anh', 'recommendation'],
  ['so sanh', 'compare'],
  ['la gi', 'definition'],
  ['nghia la', 'definition'],
  ['cach tinh', 'definition'],
  ['duoc tinh', 'definition'],
  ['tinh the nao', 'definition'],
  ['tinh nhu the nao', 'definition'],
  ['xa minh', 'own'],
  ['xa nha', 'own'],
  ['phuong minh', 'own'],
  ['xa em', 'own'],
  ['ben minh', 'own'],
  ['so hoa', 'no_data'],
  ['hai long', 'no_data'],
  ['chi so 766', 'no_data'],
  ['766', 'no_data'],
  ['giai ngan', 'disbursement'],
  ['ca nuoc', 'filler'],
  ['toan quoc', 'filler'],
  ['dau tu cong', 'disbursement'],
  ['dan so', 'no_data'],
  ['bao nhieu dan', 'no_data'],
  ['ngan sach', 'no_data'],
  ['thu chi', 'no_data'],
  ['dien tich', 'no_data'],
  ['gdp', 'no_data'],
  ['grdp', 'no_data'],
  ['thu nhap', 'no_data'],
  ['luong', 'no_data'],
  ['thoi tiet', 'no_data'],
  ['dien thoai', 'no_data'],
  ['so dien thoai', 'no_data'],
  ['email', 'no_data'],
  ['dia chi', 'no_data'],
  ['gio lam viec', 'no_data'],
  ['le phi', 'no_data'],
  ['giay to', 'no_data'],
  ['can cuoc', 'no_data'],
  ['cccd', 'no_data'],
  ['ho khau', 'no_data'],
  ['mat khau', 'no_data'],
  ['tin tuc', 'no_data'],
  ['truong hoc', 'no_data'],
  ['benh vien', 'no_data'],
  ['tram y te', 'no_data'],
  ['ho ngheo', 'no_data'],
  ['bien che', 'no_data'],
  ['can bo', 'no_data'],
  ['cong chuc', 'no_data'],
  ['nhan su', 'no_data'],
  ['gia dat', 'no_data'],
  ['bong da', 'no_data'],
  ['chu tich', 'person'],
  ['bi thu', 'person'],
  ['giam doc', 'person'],
  ['truong phong', 'person'],
  ['la ai', 'person'],
  ['ai la', 'person'],
  ['ten gi', 'person'],
  ['xin chao', 'greeting'],
  ['chao', 'greeting'],
  ['chao buoi sang', 'greeting'],
  ['chuc', 'greeting'],
  ['tam biet', 'greeting'],
  ['bye', 'greeting'],
  ['cam on', 'thanks'],
  ['ok', 'thanks'],
  ['oke', 'thanks'],
  ['okie', 'thanks'],
  ['vang', 'thanks'],
  ['tot lam', 'thanks'],
  ['hay qua', 'thanks'],
  ['uy ban nhan dan', 'filler'],
  ['cho em hoi', 'filler'],
  ['cho minh hoi', 'filler'],
  ['nguoi dan', 'filler'],
  ['lam on', 'filler'],
  ['giup em', 'filler'],
  ['giup minh', 'filler'],
];

/**
 * Words that carry no meaning for the reading: polite particles, pronouns, question words,
 * the generic nouns of every question ("số liệu", "tình hình"). Left over after the names,
 * periods and cues are read, they are ignored; any other left-over word may be a mistyped name.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  (
    'cho em anh chi minh toi tui ban bot ad admin oi a nhe nha nhi voi giup gium dum hoi xin vui long lam on xem coi biet muon can duoc ' +
    'khong the thi la cua o tai trong nay do kia co con da roi chua vay sao nao gi nhu cac nhung mot hien bay gio luc va hay hoac ve ' +
    'den tu khi du chung bang von ubnd uy nhan dan so lieu thong tin ket qua tinh hinh bao cao nhieu it bi se phai nhat ah uh ne hen day ay ni v z e m ' +
    'thang nam quy tuan ngay hom xa phuong dac khu huyen don vi cap toan tat ca tai moi thu tuc hanh chinh ho ' +
    'kiem tra giup do nhanh chut ti xiu nua van dang lai duoc roi the nao nhu the nao ra sao the nao ai ' +
    'trung tam phuc vu cong nguoi dan sang chieu toi nay hien nay bay gio tinh thanh pho tp ben tren duoi'
  ).split(' '),
);

/** Words that open a message addressed to the bot and say nothing else ("bot ơi", "ad ơi"). */
export const ADDRESS_WORDS: ReadonlySet<string> = new Set(['bot', 'ad', 'admin', 'oi', 'em', 'anh', 'chi']);

/** Type words before a commune's name ("xã Thượng Cốc", "p. Yên Phú"). */
export const UNIT_TYPE_WORDS: ReadonlyArray<string> = ['dac khu', 'thi tran', 'xa', 'phuong', 'x', 'p'];

/** Type words before a province's name. */
export const PROVINCE_TYPE_WORDS: ReadonlyArray<string> = ['thanh pho', 'tinh', 'tp'];
