import type { exportButton as enButton } from '../en/exportButton';

/** Thai strings of the "Export as code" button (see ../en/exportButton.ts). */
export const exportButton: Record<keyof typeof enButton, string> = {
  'export.button': 'ส่งออกเป็นโค้ด',
  'export.button.about': 'ดาวน์โหลดแคนวาสนี้เป็นโปรเจกต์ Node.js ที่รันเส้นทางอีเวนต์เดียวกันบน Kafka ตัวจริง (ใช้ kafkajs และ Docker)',
  'export.working': 'กำลังส่งออก…',
  'export.title': 'ส่งออกเป็นโค้ดแล้ว',
  'export.failed': 'ส่งออกไม่สำเร็จ: {{error}}',
  'export.close': 'ปิด',
};
