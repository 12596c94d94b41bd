import type { common as en } from '../en/common';

/** Thai UI strings for the app shell: every English key must be present, and no extras. */
export const common: Record<keyof typeof en, string> = {
  'app.name': 'Kafé',
  'app.tagline': 'เรียนรู้ Kafka และสถาปัตยกรรมแบบขับเคลื่อนด้วยอีเวนต์ผ่านการลงมือเล่น',
  'nav.label': 'มุมมอง',
  'nav.workbench': 'พื้นที่ทดลอง',
  'nav.compare': 'เทียบ sync กับ event',
  'sheet.label': 'แผง',
  'sheet.palette': 'เพิ่ม',
  'sheet.lesson': 'บทเรียน',
  'sheet.inspector': 'รายละเอียด',
  'sheet.metrics': 'ตัวชี้วัด',
  'lessons.toggle': 'บทเรียน',
  'lessons.toggle.hide': 'ซ่อนบทเรียน',
  'lang.label': 'ภาษา',
  'lang.en': 'English',
  'lang.th': 'ไทย',
  'main.placeholder.title': 'แคนวาสสำหรับออกแบบกำลังจะมาเร็ว ๆ นี้',
  'main.placeholder.body':
    'อีกไม่นานคุณจะได้สร้างเส้นทางของอีเวนต์ที่นี่ ทั้ง producer, topic, partition และ consumer group โดยจำลองทุกอย่างในเบราว์เซอร์ของคุณ',
  'error.title': 'ส่วนนี้เกิดข้อผิดพลาด',
  'error.body': 'ส่วนอื่นของ Kafé ยังใช้งานได้ตามปกติ ลองอีกครั้ง หรือโหลดหน้าใหม่หากปัญหายังอยู่',
  'error.retry': 'ลองอีกครั้ง',
  'fatal.title': 'Kafé หยุดทำงานเพราะเกิดข้อผิดพลาด',
  'fatal.body': 'แคนวาสที่คุณบันทึกไว้ยังอยู่ในเบราว์เซอร์นี้ ลองโหลดหน้าใหม่อีกครั้ง ถ้าเกิดขึ้นทุกครั้งที่โหลด ให้เริ่มด้วยแคนวาสใหม่ ข้อมูลที่บันทึกไว้จะถูกเก็บแยกไว้ ไม่ถูกลบ',
  'fatal.reload': 'โหลดหน้าใหม่',
  'fatal.fresh': 'เริ่มด้วยแคนวาสใหม่',
  'footer.note': 'ทุกอย่างทำงานในเบราว์เซอร์ของคุณ ไม่ต้องมีเซิร์ฟเวอร์ ไม่ต้องสมัครสมาชิก',
};
