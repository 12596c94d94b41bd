import type { notices as en } from '../en/notices';

/** Thai strings for the notices area: every English key must be present, and no extras. */
export const notices: Record<keyof typeof en, string> = {
  'notice.dismiss': 'ปิดข้อความ',
  'notice.restartedAfterEdit': 'การตั้งค่าเปลี่ยนไป การจำลองจึงเริ่มใหม่จาก 0 วินาที',
  'notice.restoreCapped':
    'แคนวาสนี้ถูกบันทึกไว้เมื่อการจำลองเดินไปแล้ว {{saved}} นาที การเปิดแคนวาสจะเล่นซ้ำเวลาจำลองได้ไม่เกิน {{limit}} นาที จึงเริ่มใหม่ที่ 0 วินาที โดยยังเก็บการตั้งค่าและการกระทำที่บันทึกไว้ครบ กดเล่นเพื่อเล่นอีกครั้ง',
  'notice.recordLimit':
    'เพื่อไม่ให้ใช้หน่วยความจำมากเกินไป Kafé เก็บ record ได้ไม่เกิน {{limit}} รายการต่อ partition record ที่เก่ากว่านั้นถูกลบออก เหมือนที่ retention ลบ Topic ที่ถูกลบ:',
  'notice.nodeIdTaken': 'มีโหนดที่ใช้ id นี้อยู่บนแคนวาสแล้ว',
  'notice.commandRefused': 'คำสั่งนี้ถูกปฏิเสธ',
  'notice.importFailed': 'นำเข้าไฟล์นี้ไม่ได้ แคนวาสของคุณยังเหมือนเดิม',
  'notice.imported': 'นำเข้าสถานการณ์จำลองแล้ว',
  'notice.shareFailed': 'เปิดลิงก์แชร์นี้ไม่ได้ แคนวาสของคุณยังเหมือนเดิม',
  'notice.restoreFailed': 'อ่านแคนวาสที่บันทึกไว้ไม่ได้ Kafé จึงเริ่มจากแม่แบบ ข้อมูลที่บันทึกไว้เดิมถูกเก็บแยกไว้แล้ว',
  'notice.linkCopied': 'คัดลอกลิงก์สำหรับแชร์ไปยังคลิปบอร์ดแล้ว',
  'notice.linkCopyManual': 'คัดลอกลิงก์จากช่องด้านล่างได้เลย',
  'notice.linkOpened': 'เปิดสถานการณ์จำลองที่แชร์มาแล้ว',

  'connection.unknownNode': 'โหนดนั้นไม่อยู่บนแคนวาสแล้ว',
  'connection.selfLoop': 'เชื่อมโหนดเข้ากับตัวเองไม่ได้',
  'connection.duplicate': 'สองโหนดนี้เชื่อมกันอยู่แล้ว',
  'connection.brokerNotConnectable': 'Broker คือตัวคลัสเตอร์ ไม่ใช่ขั้นตอนหนึ่งในเส้นทางอีเวนต์ จึงไม่ต้องเชื่อมเอง',
  'connection.topicToTopic': 'Topic ส่งต่อให้ topic โดยตรงไม่ได้ ให้ใส่ service ไว้ตรงกลาง',
  'connection.topicToProducer': 'Topic ส่งข้อมูลให้ producer ไม่ได้ เพราะ producer คือจุดเริ่มต้นของอีเวนต์',
  'connection.intoProducer': 'ไม่มีอะไรส่งข้อมูลเข้า producer ได้ เพราะ producer คือจุดเริ่มต้นของอีเวนต์',
  'connection.producerToReader': 'Producer เขียนลง topic ส่วน service และ consumer อ่านจาก topic ให้เชื่อม producer เข้ากับ topic',
  'connection.readerNeedsTopic': 'Consumer group ทำได้แค่อ่าน ให้เชื่อม topic เข้ามาหามันแทน',
  'connection.serviceToService': 'Service คุยกันผ่าน topic ให้เชื่อม service เข้ากับ topic ที่อีก service หนึ่งอ่าน',
  'connection.serviceToConsumer': 'ให้ service เขียนลง topic แล้วเชื่อม topic นั้นเข้ากับ consumer group',
  'connection.cycle': 'แบบนี้จะเกิดวงวน อีเวนต์จะวนไม่รู้จบและเพิ่มจำนวนขึ้นเรื่อย ๆ',
};
