import type { CommandSpec } from '../core/router.js';
import { bantinHandler } from './bantin.js';
import { canhbaoHandler } from './canhbao.js';
import { capnhatHandler } from './capnhat.js';
import { chinhsachHandler } from './chinhsach.js';
import { danhanHandler } from './danhan.js';
import { lichbaoHandler } from './lichbao.js';
import { botamdungHandler, tamdungHandler } from './tamdung.js';
import { dsnhomHandler, duyetHandler, ganHandler, nhatkyHandler, thuhoiHandler, tuchoiHandler } from './admin.js';
import { dangkyHandler } from './dangky.js';
import { helpHandler } from './giup.js';
import { quahanHandler } from './quahan.js';
import { toHandler } from './to.js';
import { tongquanHandler } from './tongquan.js';
import { xephangHandler } from './xephang.js';
import { xaHandler } from './xa.js';

/**
 * Every command of the bot, in the order /giup lists them, with who may run it: this is
 * the permission table (rules explained in src/access/permissions.ts).
 */
export const COMMANDS: CommandSpec[] = [
  {
    name: 'xa',
    access: 'aggregate',
    aliases: ['xã', 'phuong', 'phường', 'donvi'],
    summary: 'số liệu hồ sơ của một xã, phường',
    usage: '/xa <tên hoặc mã xã> [kỳ]',
    examples: ['/xa Thượng Cốc tháng 7/2025', '/xa 05293', '/xa Văn Sơn'],
    handler: xaHandler,
  },
  {
    name: 'quahan',
    access: 'dossier',
    aliases: ['quá hạn', 'qh', 'quahan'],
    summary: 'hồ sơ đang giải quyết đã quá hạn, theo xã và lĩnh vực',
    usage: '/quahan [xã | lĩnh vực | sở]',
    examples: ['/quahan Yên Phú', '/quahan đất đai', '/quahan Sở Tư pháp'],
    handler: quahanHandler,
  },
  {
    name: 'tongquan',
    access: 'aggregate',
    aliases: ['tổng quan', 'tq', 'tinh', 'tỉnh', 'tonghop'],
    summary: 'tổng hợp số liệu toàn tỉnh, xã tốt nhất và kém nhất',
    usage: '/tongquan [tỉnh] [kỳ]',
    examples: ['/tongquan tháng này', '/tongquan Hưng Yên từ 1/7/2025 đến 13/8/2025'],
    handler: tongquanHandler,
  },
  {
    name: 'xephang',
    access: 'aggregate',
    aliases: ['xếp hạng', 'xh', 'bxh'],
    summary: 'xếp hạng xã, phường theo tỷ lệ trực tuyến, đúng hạn hoặc số hồ sơ quá hạn',
    usage: '/xephang [trực tuyến | đúng hạn | quá hạn] [kỳ]',
    examples: ['/xephang đúng hạn tháng 7/2025', '/xephang quá hạn'],
    handler: xephangHandler,
  },
  {
    name: 'to',
    access: 'aggregate',
    aliases: ['tổ', 'totac', 'tocongtac'],
    summary: 'số liệu các xã của một tổ công tác',
    usage: '/to <số tổ> [kỳ]',
    examples: ['/to 7 từ 1/7/2025 đến 25/12/2025', '/to 10'],
    handler: toHandler,
  },
  {
    name: 'capnhat',
    access: 'aggregate',
    aliases: ['cập nhật', 'cn', 'update'],
    summary: 'các lần cập nhật số liệu gần nhất và độ mới của số liệu',
    usage: '/capnhat',
    examples: ['/capnhat'],
    handler: capnhatHandler,
  },
  // Overdue alerts (src/alerts): digests, escalation, acknowledgements, silences.
  {
    name: 'bantin',
    access: 'dossier',
    aliases: ['bản tin', 'bt', 'digest'],
    summary: 'bản tin lúc này',
    usage: '/bantin',
    examples: [],
    handler: bantinHandler,
  },
  {
    name: 'canhbao',
    access: 'dossier',
    aliases: ['cảnh báo', 'cb', 'alerts'],
    summary: 'cảnh báo đang mở',
    usage: '/canhbao',
    examples: [],
    handler: canhbaoHandler,
  },
  {
    name: 'danhan',
    access: 'dossier',
    aliases: ['đã nhận', 'nhanxuly', 'ack'],
    summary: 'nhận xử lý',
    usage: '/danhan <mã> [đến ngày]',
    examples: [],
    handler: danhanHandler,
  },
  {
    name: 'tamdung',
    access: 'dossier',
    aliases: ['tạm dừng', 'silence'],
    summary: 'tạm dừng cảnh báo',
    usage: '/tamdung <mã|xã|lĩnh vực> <hạn> <lý do>',
    examples: [],
    handler: tamdungHandler,
  },
  {
    name: 'botamdung',
    access: 'dossier',
    aliases: ['bỏ tạm dừng', 'unsilence'],
    summary: 'bỏ tạm dừng',
    usage: '/botamdung <số>',
    examples: [],
    handler: botamdungHandler,
  },
  {
    name: 'lichbao',
    access: 'dossier',
    aliases: ['lịch báo', 'lichbaocao', 'schedule'],
    summary: 'giờ gửi bản tin',
    usage: '/lichbao [giờ|tắt|bật]',
    examples: [],
    handler: lichbaoHandler,
  },
  {
    name: 'chinhsach',
    access: 'aggregate',
    aliases: ['chính sách', 'chuyencap'],
    summary: 'ngưỡng chuyển cấp',
    usage: '/chinhsach [1 3 7]',
    examples: [],
    handler: chinhsachHandler,
  },
  {
    name: 'dangky',
    access: 'open',
    aliases: ['đăng ký', 'dk', 'dangki'],
    summary: 'đăng ký nhóm này với bot (quản trị viên duyệt)',
    usage: '/dangky <xa | so | to | lanhdao> <đơn vị>',
    examples: ['/dangky xa Thượng Cốc', '/dangky so Nội vụ', '/dangky to 10', '/dangky lanhdao'],
    handler: dangkyHandler,
  },
  {
    name: 'duyet',
    access: 'admin',
    aliases: ['duyệt'],
    summary: 'duyệt yêu cầu đăng ký (không ghi mã: xem danh sách chờ)',
    usage: '/duyet [mã]',
    examples: ['/duyet DK12'],
    handler: duyetHandler,
    listed: false,
  },
  {
    name: 'tuchoi',
    access: 'admin',
    aliases: ['từ chối'],
    summary: 'từ chối yêu cầu đăng ký',
    usage: '/tuchoi <mã> [lý do]',
    examples: ['/tuchoi DK12 Sai tên xã'],
    handler: tuchoiHandler,
    listed: false,
  },
  {
    name: 'gan',
    access: 'admin',
    aliases: ['gán'],
    summary: 'gán vai trò cho một nhóm',
    usage: '/gan <nhóm> <vai trò> <đơn vị>',
    examples: ['/gan telegram:-1001234567890 xa Thượng Cốc'],
    handler: ganHandler,
    listed: false,
  },
  {
    name: 'dsnhom',
    access: 'admin',
    aliases: ['danhsachnhom', 'nhom'],
    summary: 'danh sách nhóm đã đăng ký',
    usage: '/dsnhom',
    examples: [],
    handler: dsnhomHandler,
    listed: false,
  },
  {
    name: 'thuhoi',
    access: 'admin',
    aliases: ['thu hồi'],
    summary: 'thu hồi vai trò của một nhóm',
    usage: '/thuhoi <nhóm>',
    examples: ['/thuhoi telegram:-1001234567890'],
    handler: thuhoiHandler,
    listed: false,
  },
  {
    name: 'nhatky',
    access: 'admin',
    aliases: ['nhật ký', 'audit'],
    summary: 'nhật ký đăng ký, phân quyền, lệnh bị từ chối và nhập dữ liệu',
    usage: '/nhatky [số mục]',
    examples: ['/nhatky 50'],
    handler: nhatkyHandler,
    listed: false,
  },
  {
    name: 'giup',
    access: 'open',
    aliases: ['help', 'start', 'giúp', 'trogiup', 'huongdan'],
    summary: 'hướng dẫn sử dụng',
    usage: '/giup',
    examples: [],
    handler: helpHandler(() => COMMANDS),
  },
];
