import type { asyncapiButton as en } from '../en/asyncapiButton';

/** Thai strings of the AsyncAPI menu (see ../en/asyncapiButton.ts). */
export const asyncapiButton: Record<keyof typeof en, string> = {
  'asyncapi.menu': 'AsyncAPI',
  'asyncapi.menu.about': 'ส่งออกแคนวาสนี้เป็นเอกสาร AsyncAPI 3.0 หรือสร้างแคนวาสจากเอกสาร AsyncAPI 2.x หรือ 3.x',
  'asyncapi.export': 'ส่งออก AsyncAPI (YAML)',
  'asyncapi.export.about': 'topic เป็น channel พร้อม Kafka binding, service เป็น operation, ชนิดอีเวนต์เป็น message',
  'asyncapi.import': 'นำเข้า AsyncAPI…',
  'asyncapi.import.about': 'เอกสาร YAML หรือ JSON แบบ AsyncAPI 2.x (เช่นไฟล์ที่ส่งออกจาก Confluent CLI) หรือ 3.x',
  'asyncapi.importFile': 'เอกสาร AsyncAPI ที่จะนำเข้า (YAML หรือ JSON)',
  'asyncapi.working': 'กำลังอ่านเอกสาร…',
  'asyncapi.exported': 'ดาวน์โหลดเอกสาร AsyncAPI แล้ว',
  'asyncapi.failed': 'โหลดเครื่องมือ AsyncAPI ไม่สำเร็จ ตรวจการเชื่อมต่อแล้วลองใหม่',
};
