import type { ecosystem as en } from '../en/ecosystem';

/** Thai strings for links, embeds and the CLI view: every English key, and no extras. */
export const ecosystem: Record<keyof typeof en, string> = {
  'link.copyStep': 'คัดลอกลิงก์ไปยังขั้นนี้',
  'link.copied': 'คัดลอกลิงก์ไปที่คลิปบอร์ดแล้ว',
  'link.copyManual': 'ใช้คลิปบอร์ดที่นี่ไม่ได้ โปรดคัดลอกลิงก์จากช่องข้อความ',
  'link.problem.badStep': 'ลิงก์นี้ระบุขั้นที่ Kafé อ่านไม่ออก (ใช้เลขขั้นเริ่มที่ 1 หรือ id ของขั้น) แคนวาสของคุณยังเหมือนเดิม',
  'link.problem.badSteps': 'อ่านช่วงขั้นในลิงก์นี้ไม่ออก (เขียนแบบ steps=2-4) จึงแสดงทุกขั้น',
  'link.problem.badLang': 'ลิงก์นี้ขอภาษาที่ Kafé ไม่มี (มี en และ th) หน้าจอจึงยังเป็นภาษาของคุณ',
  'link.problem.stepWithoutLesson': 'ลิงก์นี้ระบุขั้นแต่ไม่ได้ระบุบทเรียน (เพิ่ม lesson=…) แคนวาสของคุณยังเหมือนเดิม',
  'link.problem.unknownLesson': 'ลิงก์นี้ชี้ไปยังบทเรียนที่ไม่มีอยู่ แคนวาสของคุณยังเหมือนเดิม',
  'link.problem.unknownStep': 'ลิงก์นี้ชี้ไปยังขั้นที่บทเรียนนี้ไม่มี แคนวาสของคุณยังเหมือนเดิม',
  'link.problem.stepsOutOfRange': 'ขั้นในลิงก์นี้อยู่นอกบทเรียน หรือนอกช่วงขั้นที่ล็อกไว้ แคนวาสของคุณยังเหมือนเดิม',

  'embed.label': 'Kafé แบบฝังในหน้าเว็บ',
  'embed.openInKafe': 'เปิดใน Kafé',
  'embed.openInKafe.about': 'เปิดแอปเต็มในแท็บใหม่',
  'embed.lockedEnd': 'จบช่วงที่ยกมานี้แล้ว เปิดใน Kafé เพื่อเรียนบทนี้ต่อ',
  'embed.frameTitle': 'Kafé: {{name}}',
  'embed.frameScenario': 'โฟลว์อีเวนต์ให้ลองเล่น',

  'share.stepTitle': 'ลิงก์ไปยังขั้นนี้ของบทเรียน',
  'share.stepHint': 'เปิดบทเรียน “{{lesson}}” ที่ขั้น {{step}} ในภาษาที่คุณใช้อยู่ แคนวาสของผู้เรียนเองจะถูกเก็บไว้',
  'share.copyStep': 'คัดลอกลิงก์บทเรียน',
  'share.embedTitle': 'ฝังในหน้าเว็บ',
  'share.embedHintLesson': 'iframe สำหรับบล็อก วิกิ หรือหน้าคอร์ส ที่แสดงบทเรียนนี้ ไม่บันทึกอะไรลงในเบราว์เซอร์ของผู้ชม',
  'share.embedHintScenario': 'iframe สำหรับบล็อก วิกิ หรือหน้าคอร์ส ที่แสดงแคนวาสนี้ตามที่เป็นอยู่ตอนนี้ ไม่บันทึกอะไรลงในเบราว์เซอร์ของผู้ชม',
  'share.embedSteps': 'เฉพาะขั้นเหล่านี้ (เช่น 2-4 เว้นว่างไว้หากต้องการทุกขั้น)',
  'share.embedStepsInvalid': 'เขียนช่วงแบบ 2-4 (เลขขั้นเริ่มที่ 1)',
  'share.embedCopy': 'คัดลอกโค้ดสำหรับฝัง',
  'share.embedField': 'โค้ดสำหรับฝัง',
  'share.embedCopied': 'คัดลอกโค้ดสำหรับฝังไปที่คลิปบอร์ดแล้ว',

  'cli.title': 'มุมมอง CLI',
  'cli.about': 'สิ่งที่เครื่องมือของ Kafka เองจะพิมพ์ออกมา สำหรับคลัสเตอร์จำลอง ณ ขณะนี้',
  'cli.copy': 'คัดลอก',
  'cli.copied': 'คัดลอกผลลัพธ์ของคำสั่งแล้ว',
};
